// The test-only extension: once VS Code has started, it runs the bundled test/api suite in
// this extension host and writes the results where the test on the outside waits for them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runMocha, testFilesIn, writeResults } from './results';
import { reportTimings } from './timings';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const timingsFile = process.env.CONTAINER_ANATOMY_TIMINGS_FILE;
  if (timingsFile) {
    // Benchmark mode: no tests; do not hold up activation while waiting for the tree.
    void reportTimings(timingsFile);
    return;
  }
  const config = vscode.workspace.getConfiguration('containerAnatomyTest');
  const file = process.env.CONTAINER_ANATOMY_TEST_RESULTS || config.get<string>('resultsFile');
  if (!file) {
    console.log('[container-anatomy test runner] no results file configured; not running tests');
    return;
  }
  const grep = process.env.CONTAINER_ANATOMY_TEST_GREP || config.get<string>('grep') || undefined;
  try {
    const results = await runMocha(testFilesIn(path.join(context.extensionPath, 'tests')), grep);
    writeResults(file, results);
  } catch (err) {
    writeResults(file, {
      passes: [], failures: [], pending: [], durationMs: 0,
      error: `the runner failed: ${(err as Error).stack ?? String(err)}`,
    });
  }
}

export function deactivate(): void {
  // nothing to release
}
