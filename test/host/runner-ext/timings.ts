// The runner's timings mode (CONTAINER_ANATOMY_TIMINGS_FILE set): run no tests, activate
// nothing, and wait until Container Anatomy has been activated by the workbench (its view
// was shown) and its tree has listed the engine's containers; then write the extension's
// own timings() to the file. The benchmark (bench/host.ts) reads them from there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'container-anatomy.container-anatomy';

export interface HostTimings {
  activateMs: number | null;
  firstTreeRenderMs: number | null;
  /** Set when the timings could not be read. */
  error?: string;
}

interface TimingsApi {
  timings?: () => { activateMs: number; firstTreeRenderMs: number | null };
}

function write(file: string, t: HostTimings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(t));
  fs.renameSync(tmp, file);
}

/** Polls (cheaply, no engine traffic) until the tree has rendered, or gives up after `timeoutMs`. */
export async function reportTimings(file: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ext = vscode.extensions.getExtension<TimingsApi>(EXTENSION_ID);
    if (!ext) return write(file, { activateMs: null, firstTreeRenderMs: null, error: `${EXTENSION_ID} is not installed in this host` });
    if (ext.isActive) {
      const t = ext.exports?.timings?.();
      if (!t) return write(file, { activateMs: null, firstTreeRenderMs: null, error: `${EXTENSION_ID} exports no timings()` });
      if (t.firstTreeRenderMs !== null) return write(file, { activateMs: t.activateMs, firstTreeRenderMs: t.firstTreeRenderMs });
    }
    if (Date.now() > deadline) {
      const state = ext.isActive ? 'is active but its tree never listed the containers' : 'was never activated (was its view shown?)';
      return write(file, { activateMs: null, firstTreeRenderMs: null, error: `after ${timeoutMs} ms ${EXTENSION_ID} ${state}` });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
