// Runs the test/api suite inside a code-server extension host: starts a host with our
// extension and the runner extension, opens the page (the extension host starts with the
// first window), and waits for the runner's results file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, screenshot } from './browser';
import type { TestResults } from './runner-ext/results';
import { startHost, type HostOptions } from './server';

export async function runApiSuiteInHost(
  opts: Omit<HostOptions, 'env'> & { name: string; timeoutMs?: number },
): Promise<TestResults> {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-api-results-')), 'results.json');
  const host = await startHost({ ...opts, env: { CONTAINER_ANATOMY_TEST_RESULTS: resultsFile } });
  const wb = await openWorkbench(host.url);
  try {
    const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        await screenshot(wb.page, `${opts.name}-timeout`);
        throw new Error(`no results from the in-host runner after ${opts.timeoutMs ?? 180_000} ms; server output:\n${host.output()}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await screenshot(wb.page, opts.name);
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as TestResults;
  } finally {
    await wb.close();
    await host.stop();
    fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  }
}

/** One line per failure, for assertion messages. */
export function describeFailures(r: TestResults): string {
  if (r.error) return r.error;
  return r.failures.map((f) => `- ${f.title}: ${f.message}`).join('\n');
}
