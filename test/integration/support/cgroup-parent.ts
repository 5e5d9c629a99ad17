/**
 * A parent cgroup for `--cgroup-parent` tests on a v1 host with the cgroupfs driver:
 * memory and pids limits written into /sys/fs/cgroup/<ctrl>/<name>; runc creates the
 * directories of the other controllers itself. Removal rmdirs the directory in every
 * hierarchy (the kernel refuses while a container still lives under it).
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CGROUP_ROOT } from './truth';

export const PARENT_PREFIX = 'ca-test-parent-';

export interface ParentLimits {
  memoryBytes: number;
  pidsMax: number;
}

export function createParent(name: string, limits: ParentLimits): void {
  const mem = path.join(CGROUP_ROOT, 'memory', name);
  const pids = path.join(CGROUP_ROOT, 'pids', name);
  mkdirSync(mem, { recursive: true });
  mkdirSync(pids, { recursive: true });
  writeFileSync(path.join(mem, 'memory.limit_in_bytes'), String(limits.memoryBytes));
  writeFileSync(path.join(pids, 'pids.max'), String(limits.pidsMax));
}

/** rmdir `name` (depth first) in every mounted hierarchy; missing directories are fine. */
export function removeParent(name: string): void {
  for (const hierarchy of readdirSync(CGROUP_ROOT)) {
    const dir = path.join(CGROUP_ROOT, hierarchy, name);
    if (existsSync(dir)) removeTree(dir);
  }
}

function removeTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeTree(path.join(dir, entry.name));
  }
  rmdirSync(dir);
}

/** Leftover parents of earlier runs (call after their containers were removed). */
export function sweepParents(): void {
  const names = new Set<string>();
  for (const hierarchy of readdirSync(CGROUP_ROOT)) {
    let entries: string[];
    try {
      entries = readdirSync(path.join(CGROUP_ROOT, hierarchy));
    } catch {
      continue;
    }
    for (const e of entries) if (e.startsWith(PARENT_PREFIX)) names.add(e);
  }
  for (const n of names) {
    try {
      removeParent(n);
    } catch (err) {
      // A parallel run still has a container under it: that run removes it.
      if ((err as NodeJS.ErrnoException).code !== 'EBUSY') throw err;
    }
  }
}
