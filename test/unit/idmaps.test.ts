/**
 * A container in this process's own user namespace: its id maps are this process's, read once
 * on the host side, not once more per container. Another user namespace is read from its files.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { HostContext } from '../../src/core/introspect';
import { processOf } from '../../src/core/introspect/process';
import { fact, isUnavailable, unavailable, type HostAnatomy } from '../../src/core/model';
import { hostOf } from '../fixtures/snapshot';

describe('id maps of a container in the host\'s user namespace', () => {
  const proc = mkdtempSync(path.join(tmpdir(), 'idmaps-'));
  after(() => rmSync(proc, { recursive: true, force: true }));
  // Process 7 has a status file and no id maps: any map found for it came from the host side.
  mkdirSync(path.join(proc, '7'));
  writeFileSync(path.join(proc, '7', 'status'), 'Name:\tsh\nNSpid:\t7\t1\n');
  const hostMap = fact([{ inside: 0, outside: 0, length: 4294967295 }], 'procfs');
  const host = (rootless: boolean): HostAnatomy => {
    const h = hostOf();
    return {
      ...h,
      process: { hostPid: fact(1, 'procfs'), nspid: fact([1], 'procfs'), uidMap: hostMap, gidMap: hostMap, rootIsHostRoot: fact(true, 'procfs'), hostname: fact('h', 'procfs') },
      engine: { ...h.engine, ...(rootless ? { rootless: { hostNamespacesOf: { pid: 99, command: 'rootlesskit' } } } : {}) },
    } as HostAnatomy;
  };
  const ctx = (rootless = false): HostContext => ({ roots: { procRoot: proc, sysRoot: '/nonexistent', fsRoot: '/nonexistent' }, notLocal: null, host: host(rootless) } as HostContext);
  const raw = { Id: 'a'.repeat(64), Config: { Hostname: 'a' } };

  it('takes this process\'s maps when the user namespace is the same', async () => {
    const self = hostOf().namespaces.user.inode;
    const p = await processOf(raw, 7, 'running', ctx(), self);
    assert.deepEqual(p.uidMap, hostMap);
    assert.deepEqual(p.gidMap, hostMap);
    assert.deepEqual(p.rootIsHostRoot, fact(true, 'procfs'));
    assert.deepEqual(p.nspid, fact([7, 1], 'procfs'));
  });

  it('reads the files for another user namespace, or when the host side is RootlessKit\'s', async () => {
    const other = await processOf(raw, 7, 'running', ctx(), fact(4026531999, 'procfs'));
    assert.ok(isUnavailable(other.uidMap) && /uid_map/.test(other.uidMap.unavailable));
    const rootless = await processOf(raw, 7, 'running', ctx(true), hostOf().namespaces.user.inode);
    assert.ok(isUnavailable(rootless.uidMap));
    const unknown = await processOf(raw, 7, 'running', ctx(), unavailable('not read'));
    assert.ok(isUnavailable(unknown.gidMap));
  });
});
