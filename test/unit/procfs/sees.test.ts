import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitGrepOutput } from '../../../src/core/evidence';
import { ipv4ByInterface } from '../../../src/core/procfs/addresses';
import {
  countSysvipc,
  formatIpv6,
  ipv6ByInterface,
  parseCgroupPath,
  parseCmdline,
  parseMountinfo,
  parseNetDevNames,
  parseTimensOffsets,
} from '../../../src/core/procfs/sees';

/** Files copied from a container and the host of the reference machine (Docker 20.10, cgroup v1 hybrid). */
const fixture = (name: string): string => readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'evidence', name), 'utf8');

describe('evidence parsers', () => {
  it('counts mounts and finds the root filesystem in mountinfo', () => {
    const m = parseMountinfo(fixture('mountinfo-container'));
    assert.equal(m?.mountCount, 28);
    // An overlay's source field is only "overlay": its writable layer's folder says whose it is.
    assert.deepEqual(m?.root, { fstype: 'overlay', source: '/var/lib/docker/overlay2/a109693517538119b009d64e7f65e02e37d6e88c67ad6744e8658f419797a471' });
  });

  it('takes the last mount on / (an overmounted root), and unescapes octal escapes', () => {
    const text = [
      '1 0 8:1 / / rw - ext4 /dev/vda rw',
      '2 1 0:5 / /proc rw - proc proc rw',
      '3 1 0:9 / / rw shared:1 - overlay my\\040root rw,lowerdir=/x',
      '',
    ].join('\n');
    assert.deepEqual(parseMountinfo(text), { mountCount: 3, root: { fstype: 'overlay', source: 'my root' } });
    assert.deepEqual(parseMountinfo('1 0 0:5 / /proc rw - proc proc rw\n'), { mountCount: 1, root: null });
    assert.equal(parseMountinfo('not mountinfo\n'), null);
  });

  it('counts System V IPC objects after the header of each /proc/sysvipc file', () => {
    assert.equal(countSysvipc(fixture('sysvipc-shm')), 2);
    assert.equal(countSysvipc(fixture('sysvipc-sem')), 1);
    assert.equal(countSysvipc(fixture('sysvipc-msg')), 1);
    assert.equal(countSysvipc('       key      shmid perms                  size  cpid\n'), 0);
    assert.equal(countSysvipc(''), null);
    assert.equal(countSysvipc('garbage\n'), null);
  });

  it('reads clock offsets in nanoseconds, by name or by the older clock ids', () => {
    assert.deepEqual(parseTimensOffsets(fixture('timens_offsets-host')), { monotonicOffsetNs: 0, boottimeOffsetNs: 0 });
    assert.deepEqual(parseTimensOffsets(fixture('timens_offsets-shifted')), { monotonicOffsetNs: -3599_500_000_000, boottimeOffsetNs: 86400_000_000_000 });
    assert.deepEqual(parseTimensOffsets('1 5 0\n7 0 1\n'), { monotonicOffsetNs: 5_000_000_000, boottimeOffsetNs: 1 });
    assert.equal(parseTimensOffsets('monotonic 0 0\n'), null, 'boottime missing');
    assert.equal(parseTimensOffsets('monotonic 99999999999 0\nboottime 0 0\n'), null, 'too large to hold exactly');
  });

  it('takes the cgroup2 line of /proc/PID/cgroup, else the first line', () => {
    assert.equal(parseCgroupPath(fixture('cgroup-v1-hybrid')), '/docker/22b5a053a50519013e86d49ebef8392ba62eb81fc32fa6043773b0cb00c74bbf');
    assert.equal(parseCgroupPath(fixture('cgroup-v2-private')), '/');
    assert.equal(parseCgroupPath('4:memory:/docker/x\n3:cpu:/docker/x\n'), '/docker/x');
    assert.equal(parseCgroupPath('nonsense\n'), null);
    assert.equal(parseCgroupPath(''), null);
  });

  it('joins a command line and lists interfaces of net/dev in order', () => {
    assert.equal(parseCmdline('sleep\x003600\x00'), 'sleep 3600');
    assert.equal(parseCmdline(''), '');
    assert.deepEqual(parseNetDevNames(fixture('net_dev-container')), ['lo', 'eth0']);
  });

  it('gives IPv4 addresses with their prefix per interface, loopback included', () => {
    assert.deepEqual(Object.fromEntries(ipv4ByInterface(fixture('fib_trie-container'), fixture('route-container'))), {
      lo: ['127.0.0.1/8'],
      eth0: ['172.17.0.2/16'],
    });
    assert.deepEqual(Object.fromEntries(ipv4ByInterface(fixture('fib_trie-host'), fixture('route-host'))), {
      lo: ['127.0.0.1/8'],
      eth0: ['192.0.2.2/24'],
      docker0: ['172.17.0.1/16'],
    });
  });

  it('writes IPv6 addresses as ip does (RFC 5952) with their prefix', () => {
    assert.equal(formatIpv6('00000000000000000000000000000001'), '::1');
    assert.equal(formatIpv6('fe80000000000000004252fffe578a14'), 'fe80::42:52ff:fe57:8a14');
    assert.equal(formatIpv6('20010db8000000010000000000000001'), '2001:db8:0:1::1', 'the longest run of zeros only');
    assert.equal(formatIpv6('20010db8000100000001000000000001'), '2001:db8:1:0:1::1', 'a single zero group stays');
    assert.equal(formatIpv6('00000000000000000000000000000000'), '::');
    assert.equal(formatIpv6('xyz'), null);
    assert.deepEqual(Object.fromEntries(ipv6ByInterface(fixture('if_inet6-host')) ?? []), {
      lo: ['::1/128'],
      docker0: ['fe80::42:52ff:fe57:8a14/64'],
      veth00edfa7: ['fe80::e090:7eff:fe94:d99f/64'],
      eth0: ['fe80::fc:ff:fe00:1/64', 'fd00::2/64'],
    });
    assert.deepEqual(ipv6ByInterface(''), new Map());
    assert.equal(ipv6ByInterface('zz 01 80 10 80 lo\n'), null);
  });

  it('splits grep -H output back into files, and marks the files grep could not read', () => {
    const files = ['/proc/1/cgroup', '/proc/12/cgroup', '/proc/sys/kernel/hostname', '/proc/sysvipc/shm'];
    const out = '/proc/12/cgroup:0::/\n/proc/1/cgroup:0::/init.scope\n/proc/sys/kernel/hostname:web:1\n';
    const reads = splitGrepOutput(files, out, 'grep: /proc/sysvipc/shm: No such file or directory\n');
    assert.deepEqual(reads.slice(0, 3), [
      { ok: true, text: '0::/init.scope\n' },
      { ok: true, text: '0::/\n' },
      { ok: true, text: 'web:1\n' },
    ]);
    assert.equal(reads[3].ok, false);
    assert.match((reads[3] as { reason: string }).reason, /\/proc\/sysvipc\/shm: No such file/);
  });
});
