/**
 * The helper's script, run here with this machine's sh, ls, find and awk over the fixture
 * trees: the readers must give the same facts through its answers as from the files directly.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commandLine } from '../../../src/core/helper/container';
import { HelperFiles, helperPath } from '../../../src/core/helper/files';
import { readInRounds, relabel } from '../../../src/core/helper/manager';
import { AWK, parseBatch, parseToolError, requestInput, SCRIPT, type BatchAnswer } from '../../../src/core/helper/script';
import { readCgroupLayout, resolveCgroupDirs } from '../../../src/core/procfs/cgroup';
import { readTextSync, withReadCache } from '../../../src/core/procfs/files';
import { readCgroupAnatomy } from '../../../src/core/procfs/limits';
import { readContainerLinks, readHostLinks } from '../../../src/core/procfs/net';
import { readNamespaces } from '../../../src/core/procfs/ns';
import { readIdMap, readMemTotalBytes, readNSpid } from '../../../src/core/procfs/process';
import { fact, isFact } from '../../../src/core/model';
import { IDS, PIDS, scenario } from '../procfs/fixtures';

/** The script as the helper runs it, but here. */
function localBatch(requests: string[]): Promise<BatchAnswer> {
  const out = execFileSync('sh', ['-c', SCRIPT, 'container-anatomy', AWK], { input: requestInput(requests), env: { PATH: process.env.PATH, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
  return Promise.resolve(parseBatch(out));
}

/** What a snapshot reads of one fixture container and its host. */
async function readAll(name: string, key: keyof typeof PIDS & keyof typeof IDS) {
  const s = scenario(name);
  const pid = PIDS[key];
  const layout = await readCgroupLayout(s.proc, s.root);
  const dirs = isFact(layout) ? await resolveCgroupDirs(s.proc, pid, layout.value, s.root) : layout;
  return {
    layout,
    dirs,
    cgroup: isFact(layout)
      ? await readCgroupAnatomy({ layout: layout.value, dirs, hostConfig: s.hostConfig(), memTotalBytes: await readMemTotalBytes(s.proc), onlineCpus: fact(2, 'engine'), running: true, fsRoot: s.root })
      : null,
    nspid: await readNSpid(s.proc, pid),
    uidMap: await readIdMap(s.proc, pid, 'uid_map'),
    links: await readContainerLinks(s.proc, pid),
    hostLinks: await readHostLinks(s.sys),
    missing: await readNSpid(s.proc, 999999),
  };
}

describe('helper container: script and answers', () => {
  for (const [name, key] of [['v1-cgroupfs', 'v1Limited'], ['v1-nested', 'v1Nested'], ['v2-systemd', 'v2Systemd'], ['v2-cgroupfs', 'v2Cgroupfs']] as const) {
    it(`the readers give the same facts through the script's answers as from the files (${name})`, async () => {
      const direct = await withReadCache(() => readAll(name, key));
      let rounds = 0;
      const files = new HelperFiles((p) => p);
      const through = await readInRounds(files, (r) => (rounds++, localBatch(r)), () => readAll(name, key));
      assert.deepEqual(through, direct);
      assert.ok(rounds <= 4, `${rounds} rounds`);
      // Asked up front, what the last read used needs one round.
      const again = new HelperFiles((p) => p);
      again.want(files.used);
      rounds = 0;
      assert.deepEqual(await readInRounds(again, (r) => (rounds++, localBatch(r)), () => readAll(name, key)), direct);
      assert.equal(rounds, 1);
    });
  }

  it('namespace inodes come from the link text, exactly as stat() gives them', async () => {
    const direct = await readNamespaces('/proc', 'self');
    const through = await readInRounds(new HelperFiles((p) => p.replace('/proc/self/', `/proc/${process.pid}/`)), localBatch, async () => readNamespaces('/proc', 'self'));
    assert.deepEqual(through, direct);
  });

  it('maps the host\'s paths to where the helper sees them', () => {
    assert.equal(helperPath('/proc/self/mountinfo', 42), '/proc/42/mountinfo');
    assert.equal(helperPath('/proc/7/ns/net', 42), '/proc/7/ns/net');
    assert.equal(helperPath('/proc/meminfo', 42), '/proc/meminfo');
    assert.equal(helperPath('/sys/fs/cgroup/memory/docker/x/memory.stat', 42), '/proc/42/root/sys/fs/cgroup/memory/docker/x/memory.stat');
  });

  it('paths with spaces, quotes and shell characters travel as data', async () => {
    const files = new HelperFiles((p) => p);
    const odd = `${scenario('v1-cgroupfs').root}/no such 'file' $(touch /tmp/x) ;`;
    const r = await readInRounds(files, localBatch, () => Promise.resolve(readTextSync(odd)));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'ENOENT');
  });

  it('an answer without its end marker is a helper that stopped midway', () => {
    const full = execFileSync('sh', ['-c', SCRIPT, 'x', AWK], { input: requestInput([`r${scenario('v1-cgroupfs').proc}/meminfo`]), env: { PATH: process.env.PATH, LC_ALL: 'C' } });
    assert.ok(parseBatch(full).reads.size === 1);
    assert.throws(() => parseBatch(full.subarray(0, full.length - 20)), /stopped midway/);
    assert.throws(() => parseBatch(full.subarray(0, 10)), /stopped midway/);
  });

  it('the answer comes gzip-compressed where the image has gzip, and as text where it has not, saying the same', () => {
    const fixture = scenario('v1-cgroupfs');
    const requests = [`r${fixture.proc}/meminfo`, `l${fixture.proc}/self`, `d${fixture.sys}/class/net`, `r${fixture.proc}/no-such-file`];
    const run = (env: NodeJS.ProcessEnv): Buffer => execFileSync('sh', ['-c', SCRIPT, 'x', AWK], { input: requestInput(requests), env: { ...env, LC_ALL: 'C' } });
    const compressed = run({ PATH: process.env.PATH });
    assert.deepEqual([...compressed.subarray(0, 2)], [0x1f, 0x8b], 'gzip magic');
    // The same tools without gzip: a PATH of links to each, gzip left out.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'helper-nogzip-'));
    try {
      for (const tool of ['cat', 'tr', 'xargs', 'ls', 'sed', 'awk', 'sh']) {
        const at = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
        fs.symlinkSync(at, path.join(bin, tool));
      }
      const plain = run({ PATH: bin });
      assert.equal(plain.subarray(0, 5).toString(), '@@ls\n');
      assert.deepEqual(parseBatch(compressed), parseBatch(plain));
      assert.equal(parseBatch(plain).reads.size, 2);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
    // Bytes that start like gzip and are not: said so, not taken for an empty answer.
    assert.throws(() => parseBatch(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xff, 0xff, 0xff, 0xff])), /its compressed answer could not be read/);
  });

  it('reads the errno out of busybox and GNU error lines', () => {
    assert.deepEqual(parseToolError('ls: /proc/1/ns/net: cannot read link: Permission denied', 'ls'), { path: '/proc/1/ns/net', code: 'EACCES', message: 'Permission denied' });
    assert.deepEqual(parseToolError("ls: cannot access '/x y': No such file or directory", 'ls'), { path: '/x y', code: 'ENOENT', message: 'No such file or directory' });
    assert.deepEqual(parseToolError("find: '/proc/9/root/sys/class/net': No such process", 'find'), { path: '/proc/9/root/sys/class/net', code: 'ESRCH', message: 'No such process' });
  });

  it('relabels every procfs fact, and only facts', () => {
    const v = relabel({ a: { value: 1, source: 'procfs' }, b: [{ value: 2, source: 'engine' }], c: { unavailable: 'x' } });
    assert.deepEqual(v, { a: { value: 1, source: 'helper' }, b: [{ value: 2, source: 'engine' }], c: { unavailable: 'x' } });
  });

  it('the docker run line shown for consent has the least-privilege flags and adapts to the engine', () => {
    const line = commandLine('busybox:latest', { SecurityOptions: ['name=seccomp,profile=default'], MemoryLimit: true, PidsLimit: true, CpuCfsQuota: true });
    for (const f of ['--pid=host', '--network=host', '--cgroupns=host', '--read-only', '--cap-drop ALL', '--cap-add SYS_PTRACE', 'apparmor=unconfined', 'no-new-privileges', '--rm', '--memory 64m']) {
      assert.ok(line.includes(f), `${f} in ${line}`);
    }
    assert.ok(!line.includes('--privileged'));
    assert.ok(!line.includes('--userns=host'));
    assert.ok(commandLine('busybox', { SecurityOptions: ['name=userns'] }).includes('--userns=host'));
    assert.ok(!commandLine('busybox', { MemoryLimit: false }).includes('--memory'));
  });
});
