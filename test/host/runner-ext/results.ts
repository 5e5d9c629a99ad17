// The JSON a test run inside the extension host reports back, and the mocha glue that
// produces it; shared by the code-server runner extension and the @vscode/test-electron index.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestFailure {
  title: string;
  message: string;
  stack?: string;
}

export interface TestResults {
  passes: string[];
  failures: TestFailure[];
  pending: string[];
  durationMs: number;
  /** Set when the run could not start at all. */
  error?: string;
}

/** Runs the given (already bundled, CommonJS) mocha test files and collects the results. */
export function runMocha(files: string[], grep?: string, timeoutMs = 60_000): Promise<TestResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, color: false, reporter: 'spec' });
  if (grep) mocha.grep(grep);
  for (const f of files) mocha.addFile(f);
  const results: TestResults = { passes: [], failures: [], pending: [], durationMs: 0 };
  const started = Date.now();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      results.durationMs = Date.now() - started;
      resolve(results);
    });
    runner.on('pass', (t) => results.passes.push(t.fullTitle()));
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) => results.failures.push({
      title: t.fullTitle(), message: String(err?.message ?? err), stack: err?.stack,
    }));
  });
}

/** Writes the results atomically, so a reader never sees half a file. */
export function writeResults(file: string, results: TestResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

/** Bundled test files under `dir` (any depth), in a stable order. */
export function testFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
}
