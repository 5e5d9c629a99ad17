import { strict as assert } from 'assert';
import * as path from 'path';
import { readFileSync } from 'fs';
import { isFact, type CgroupAnatomy } from '../../../src/core/model';
import { readCgroupLayout, resolveCgroupDirs } from '../../../src/core/procfs/cgroup';
import { readCgroupAnatomy, type HostConfigLimits } from '../../../src/core/procfs/limits';
import { readMemTotalBytes, readOnlineCpus } from '../../../src/core/procfs/process';

/** Root of one fixture scenario under test/fixtures. */
export function scenario(name: string): { root: string; proc: string; sys: string; hostConfig: (file?: string) => HostConfigLimits } {
  const root = path.resolve(__dirname, '..', '..', 'fixtures', name);
  return {
    root,
    proc: path.join(root, 'proc'),
    sys: path.join(root, 'sys'),
    hostConfig: (file = 'hostconfig.json') => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as HostConfigLimits,
  };
}

/** Ids of the containers captured in the fixtures. */
export const IDS = {
  v1Limited: 'e6ef6ccd7efd71d7f22b734289ff934ce2a0822d111b40bba181ea47e02df689',
  v1Unlimited: 'd9960e9d83aa460f4db4b84c26683f0793090ef0f1e728023b9c0a550c75ea4a',
  v1Nested: 'b6913409c97b46c13ec9a0434e77aabe9d05b1f1a20ad9d210b69e4c3e600ffb',
  v1Systemd: '4c01db0b339c8b1e3e7c5e5a2b3d1e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d',
  v2Cgroupfs: '9f3a5b7c1d2e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
  v2Systemd: '2b4d6f8a0c1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a',
  rootless: '7e5c3a1f9d7b5e3c1a9f7d5b3e1c9a7f5d3b1e9c7a5f3d1b9e7c5a3f1d9b7e5c',
  v2Slices: '5d1c9e7a3b5f7d9e1c3a5b7d9f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b3d5f7e',
  /** Captured from the test VM by test/vm/capture.ts (which rewrites the real ids to these). */
  vmLimited: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f901',
  vmSliced: 'b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a12',
};

/** PIDs of those containers' init processes in the fixture /proc trees. */
export const PIDS = { v1Limited: 6153, v1Unlimited: 6219, v1Nested: 12956, v1Systemd: 2301, v2Cgroupfs: 3412, v2Systemd: 4520, rootless: 5630, usernsRemap: 6740, v2Slices: 7851, vmLimited: 7101, vmSliced: 7202 };

/** The cgroup anatomy of the process `pid` of a fixture scenario, read as a snapshot reads it. */
export async function cgroupAnatomyOf(name: string, pid: number, hostConfig?: HostConfigLimits, running = true): Promise<CgroupAnatomy> {
  const f = scenario(name);
  const layout = await readCgroupLayout(f.proc, f.root);
  assert.ok(isFact(layout), JSON.stringify(layout));
  return readCgroupAnatomy({
    layout: layout.value,
    dirs: await resolveCgroupDirs(f.proc, pid, layout.value),
    hostConfig: hostConfig ?? f.hostConfig(),
    memTotalBytes: await readMemTotalBytes(f.proc),
    onlineCpus: await readOnlineCpus(f.sys),
    running,
  });
}
