// The extensionTestsPath for @vscode/test-electron: runs the bundled test/api suite with
// mocha inside the desktop extension host.
import * as path from 'node:path';
import { runMocha, testFilesIn } from '../host/runner-ext/results';

export async function run(): Promise<void> {
  const results = await runMocha(testFilesIn(path.join(__dirname, 'tests')));
  console.log(`${results.passes.length} passed, ${results.failures.length} failed`);
  if (results.failures.length) {
    throw new Error(results.failures.map((f) => `${f.title}: ${f.message}`).join('\n'));
  }
}
