import { strict as assert } from 'assert';
import { isFact, isUnavailable } from '../../../src/core/model';
import {
  parseIdMap, parseNSpid, readIdMap, readMemTotalBytes, readNSpid, readOnlineCpus, rootIsHostRoot,
} from '../../../src/core/procfs/process';
import { PIDS, scenario } from './fixtures';

describe('procfs/process', () => {
  it('parses NSpid chains, outermost first', () => {
    assert.deepEqual(parseNSpid('Name:\tsleep\nNSpid:\t6153\t1\nUid:\t0\n'), [6153, 1]);
    assert.deepEqual(parseNSpid('NSpid:\t6392\n'), [6392]);
    assert.equal(parseNSpid('Name:\tsleep\n'), null);
    assert.equal(parseNSpid('NSpid:\t7002 x\n'), null);
    assert.equal(parseNSpid('NSpid:\t\n'), null);
  });

  it('reads NSpid from a real container capture, a nested rootless one and this process', async () => {
    const v1 = await readNSpid(scenario('v1-cgroupfs').proc, PIDS.v1Limited);
    assert.deepEqual(v1, { value: [6153, 1], source: 'procfs' });
    const rl = await readNSpid(scenario('rootless').proc, PIDS.rootless);
    assert.deepEqual(isFact(rl) && rl.value, [PIDS.rootless, 19, 1]);
    const self = await readNSpid('/proc', process.pid);
    assert.ok(isFact(self));
    assert.equal(self.value[0], process.pid);
  });

  it('gives a reason for a truncated status, a malformed one and a missing process', async () => {
    const f = scenario('malformed');
    const cut = await readNSpid(f.proc, 7001);
    assert.ok(isUnavailable(cut) && /cut short/.test(cut.unavailable)); // "NSpid:\t70" with no newline
    const bad = await readNSpid(f.proc, 7002);
    assert.ok(isUnavailable(bad) && /no readable NSpid line/.test(bad.unavailable));
    const gone = await readNSpid(f.proc, 99999);
    assert.ok(isUnavailable(gone) && /process 99999 has exited/.test(gone.unavailable));
  });

  it('parses uid_map in the kernel layout and tells host root from remapped root', async () => {
    const host = parseIdMap('         0          0 4294967295\n');
    assert.deepEqual(host, [{ inside: 0, outside: 0, length: 4294967295 }]);
    assert.equal(rootIsHostRoot(host!), true);

    const remap = await readIdMap(scenario('userns-remap').proc, PIDS.usernsRemap, 'uid_map');
    assert.deepEqual(remap, { value: [{ inside: 0, outside: 231072, length: 65536 }], source: 'procfs' });
    assert.equal(rootIsHostRoot(isFact(remap) ? remap.value : []), false);

    const rl = await readIdMap(scenario('rootless').proc, PIDS.rootless, 'gid_map');
    assert.ok(isFact(rl));
    assert.deepEqual(rl.value, [{ inside: 0, outside: 1000, length: 1 }, { inside: 1, outside: 100000, length: 65536 }]);
    assert.equal(rootIsHostRoot(rl.value), false);

    const real = await readIdMap(scenario('v1-cgroupfs').proc, PIDS.v1Limited, 'uid_map');
    assert.ok(isFact(real) && rootIsHostRoot(real.value));
  });

  it('rejects malformed and empty id maps with a reason', async () => {
    assert.equal(parseIdMap('0 0\n'), null);
    assert.equal(parseIdMap('0 0 x\n'), null);
    assert.equal(parseIdMap(''), null);
    const f = scenario('malformed');
    const cut = await readIdMap(f.proc, 7001, 'uid_map');
    assert.ok(isUnavailable(cut) && /cut short/.test(cut.unavailable));
    const empty = await readIdMap(f.proc, 7002, 'uid_map');
    assert.ok(isUnavailable(empty) && /is empty/.test(empty.unavailable));
  });

  it('reads MemTotal in bytes and counts online CPUs', async () => {
    const v1 = scenario('v1-cgroupfs');
    assert.deepEqual(await readMemTotalBytes(v1.proc), { value: 24684092 * 1024, source: 'procfs' });
    assert.deepEqual(await readOnlineCpus(v1.sys), { value: 2, source: 'procfs' });
    assert.deepEqual(await readOnlineCpus(scenario('v1-systemd').sys), { value: 4, source: 'procfs' });
    const real = await readMemTotalBytes('/proc');
    assert.ok(isFact(real) && real.value > 0);
  });

  it('gives a reason for a malformed meminfo or CPU list, and for a missing one', async () => {
    const f = scenario('malformed');
    const mem = await readMemTotalBytes(f.proc);
    assert.ok(isUnavailable(mem) && /MemTotal/.test(mem.unavailable));
    const cpus = await readOnlineCpus(f.sys);
    assert.ok(isUnavailable(cpus) && /zero-one/.test(cpus.unavailable));
    const none = await readOnlineCpus(scenario('ns').root);
    assert.ok(isUnavailable(none) && /does not exist/.test(none.unavailable));
  });
});
