import { strict as assert } from 'assert';
import { isFact, isUnavailable } from '../../../src/core/model';
import { decodeRouteHex, parseFibTrieLocal, readDefaultRoute } from '../../../src/core/procfs/addresses';
import {
  findHostVeth, parseIfindexNames, parseRouteTable, readContainerLinks, readHostLinks, type ContainerLink, type LinkInfo,
} from '../../../src/core/procfs/net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { PIDS, scenario } from './fixtures';

const veth = (name: string, ifindex: number, iflink: number, master: string | null): LinkInfo => ({
  name, ifindex, iflink, master, kind: 'veth',
});

describe('procfs/net', () => {
  it('reads host links from a captured /sys/class/net: bridge, loopback, veths with their master', async () => {
    const links = await readHostLinks(scenario('v1-cgroupfs').sys);
    assert.ok(isFact(links));
    const by = Object.fromEntries(links.value.map((l) => [l.name, l]));
    assert.deepEqual(by.docker0, { name: 'docker0', ifindex: 5, iflink: 5, master: null, kind: 'bridge' });
    assert.deepEqual(by.veth2894d1a, { name: 'veth2894d1a', ifindex: 9, iflink: 8, master: 'docker0', kind: 'veth' });
    assert.equal(by.lo.kind, 'loopback');
    assert.equal(by.eth0.kind, 'other'); // a physical NIC links to itself
    assert.equal(by.ifb0.kind, 'other');
  });

  it('reads the real host links of this machine', async () => {
    const links = await readHostLinks('/sys');
    assert.ok(isFact(links));
    const lo = links.value.find((l) => l.name === 'lo');
    assert.deepEqual(lo && [lo.kind, lo.ifindex], ['loopback', 1]);
    for (const l of links.value) assert.equal(l.ifindex, Number(readFileSync(`/sys/class/net/${l.name}/ifindex`, 'utf8')));
  });

  it('decodes /proc/net/route from little-endian hex', () => {
    const text = readFileSync(`${scenario('v1-cgroupfs').proc}/${PIDS.v1Limited}/net/route`, 'utf8');
    assert.deepEqual(parseRouteTable(text), [
      { iface: 'eth0', destination: '0.0.0.0', gateway: '172.17.0.1', mask: '0.0.0.0', metric: 0 },
      { iface: 'eth0', destination: '172.17.0.0', gateway: '0.0.0.0', mask: '255.255.0.0', metric: 0 },
    ]);
    assert.equal(decodeRouteHex('010011AC', 'LE'), '172.17.0.1');
    assert.equal(decodeRouteHex('AC110001', 'BE'), '172.17.0.1');
    assert.equal(decodeRouteHex('0000FF', 'LE'), null);
  });

  it('reads the default route: the lowest metric wins, a route on the link has no gateway, none is null', async () => {
    assert.deepEqual(readDefaultRoute(scenario('v1-cgroupfs').proc, PIDS.v1Limited), { value: { iface: 'eth0', gateway: '172.17.0.1' }, source: 'procfs' });
    const proc = mkdtempSync(path.join(tmpdir(), 'route-'));
    const write = (lines: string[]): void => {
      mkdirSync(path.join(proc, '7', 'net'), { recursive: true });
      writeFileSync(path.join(proc, '7', 'net', 'route'), ['Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT', ...lines].join('\n') + '\n');
    };
    try {
      write(['eth0\t00000000\t010012AC\t0003\t0\t0\t100\t00000000\t0\t0\t0', 'eth1\t00000000\t010013AC\t0003\t0\t0\t10\t00000000\t0\t0\t0']);
      assert.deepEqual(readDefaultRoute(proc, 7), { value: { iface: 'eth1', gateway: '172.19.0.1' }, source: 'procfs' });
      write(['wg0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0']);
      assert.deepEqual(readDefaultRoute(proc, 7), { value: { iface: 'wg0', gateway: null }, source: 'procfs' });
      write(['eth0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0']);
      assert.deepEqual(readDefaultRoute(proc, 7), { value: null, source: 'procfs' });
      const gone = readDefaultRoute(proc, 8);
      assert.ok(isUnavailable(gone) && /process 8 has exited/.test(gone.unavailable));
    } finally {
      rmSync(proc, { recursive: true, force: true });
    }
  });

  it('finds the namespace\'s own addresses in fib_trie', () => {
    const text = readFileSync(`${scenario('v1-cgroupfs').proc}/${PIDS.v1Limited}/net/fib_trie`, 'utf8');
    assert.deepEqual(parseFibTrieLocal(text).sort(), ['127.0.0.1', '172.17.0.2']);
  });

  it('reads the container side from its own sysfs, with addresses tied to interfaces', async () => {
    const links = await readContainerLinks(scenario('v1-cgroupfs').proc, PIDS.v1Limited);
    assert.deepEqual(links, {
      value: [
        { name: 'eth0', ifindex: 8, iflink: 9, mac: '02:42:ac:11:00:02', ipv4: ['172.17.0.2'] },
        { name: 'lo', ifindex: 1, iflink: 1, mac: '00:00:00:00:00:00', ipv4: ['127.0.0.1'] },
      ],
      source: 'procfs',
    });
  });

  it('reads only the interfaces carrying the given MACs, and everything when one is not found', async () => {
    const proc = scenario('v1-cgroupfs').proc;
    const byMac = await readContainerLinks(proc, PIDS.v1Limited, ['02:42:AC:11:00:02']);
    assert.deepEqual(byMac, {
      value: [{ name: 'eth0', ifindex: 8, iflink: 9, mac: '02:42:ac:11:00:02', ipv4: [], ipv4Unavailable: 'not read: the interface was found by its MAC address' }],
      source: 'procfs',
    });
    const all = await readContainerLinks(proc, PIDS.v1Limited);
    assert.deepEqual(await readContainerLinks(proc, PIDS.v1Limited, ['02:42:ac:11:00:99']), all);
    assert.deepEqual(await readContainerLinks(proc, PIDS.v1Limited, ['']), all);
    // Without privilege there is no MAC to match: the addresses decide, as before.
    const unprivileged = await readContainerLinks(scenario('unprivileged').proc, PIDS.v1Limited, ['02:42:ac:11:00:02']);
    assert.ok(isFact(unprivileged) && unprivileged.value.some((l) => l.name === 'eth0' && l.ipv4.includes('172.17.0.2')));
  });

  it('finds an interface by MAC under the names of its own net/dev, and never takes a foreign sysfs for it', async () => {
    const src = scenario('v1-cgroupfs').proc;
    const proc = mkdtempSync(path.join(tmpdir(), 'links-'));
    try {
      cpSync(path.join(src, String(PIDS.v1Limited)), path.join(proc, String(PIDS.v1Limited)), { recursive: true });
      const sys = path.join(proc, String(PIDS.v1Limited), 'root', 'sys', 'class', 'net');
      // The MAC path reads eth0 and stops: lo's files are not needed (an unreadable one changes nothing).
      rmSync(path.join(sys, 'lo', 'address'));
      const byMac = await readContainerLinks(proc, PIDS.v1Limited, ['02:42:ac:11:00:02']);
      assert.ok(isFact(byMac));
      assert.deepEqual(byMac.value.map((l) => [l.name, l.ifindex, l.iflink]), [['eth0', 8, 9]]);
      // A sysfs of another namespace (the host's /sys bind-mounted) with the same names shows
      // another MAC under eth0: not taken as the container's; the full read decides.
      writeFileSync(path.join(sys, 'eth0', 'address'), '52:54:00:12:34:56\n');
      writeFileSync(path.join(sys, 'lo', 'address'), '00:00:00:00:00:00\n');
      const foreign = await readContainerLinks(proc, PIDS.v1Limited, ['02:42:ac:11:00:02']);
      assert.ok(isFact(foreign));
      assert.ok(foreign.value.every((l) => l.ipv4Unavailable === undefined), 'read in full, addresses included');
      assert.deepEqual(foreign.value.find((l) => l.name === 'eth0')?.ipv4, ['172.17.0.2']);
    } finally {
      rmSync(proc, { recursive: true, force: true });
    }
  });

  it('falls back to igmp/dev_mcast without privilege: ifindex and name, iflink null', async () => {
    const links = await readContainerLinks(scenario('unprivileged').proc, PIDS.v1Limited);
    assert.ok(isFact(links));
    assert.deepEqual(links.value, [
      { name: 'lo', ifindex: 1, iflink: null, mac: null, ipv4: ['127.0.0.1'] },
      { name: 'eth0', ifindex: 8, iflink: null, mac: null, ipv4: ['172.17.0.2'] },
    ]);
    const m = parseIfindexNames(null, '8    eth0            1     0     333300000001\n');
    assert.deepEqual([...m], [['eth0', 8]]);
  });

  it('reads cut-short net files without throwing, and reports a gone process', async () => {
    const f = scenario('malformed');
    const links = await readContainerLinks(f.proc, 7001);
    assert.ok(isFact(links));
    assert.deepEqual(links.value.map((l) => [l.name, l.ifindex, l.ipv4]), [['lo', 1, []], ['eth0', 8, []]]);
    assert.match(links.value[1].ipv4Unavailable ?? '', /7001\/net\/route was cut short/);
    const gone = await readContainerLinks(f.proc, 99999);
    assert.ok(isUnavailable(gone) && /process 99999 has exited/.test(gone.unavailable));
    const noSys = await readHostLinks(scenario('ns').root);
    assert.ok(isUnavailable(noSys));
  });

  it('pairs the container eth0 with its host veth through ifindex and iflink', async () => {
    const host = await readHostLinks(scenario('v1-cgroupfs').sys);
    const cont = await readContainerLinks(scenario('v1-cgroupfs').proc, PIDS.v1Limited);
    assert.ok(isFact(host) && isFact(cont));
    const eth0 = cont.value.find((l) => l.name === 'eth0')!;
    assert.deepEqual(findHostVeth(eth0, host.value, 'docker0'), { value: { name: 'veth2894d1a', ifindex: 9, master: 'docker0' }, source: 'procfs' });
    const lo = cont.value.find((l) => l.name === 'lo')!;
    assert.match((findHostVeth(lo, host.value, null) as { unavailable: string }).unavailable, /linked to itself/);
  });

  it('uses the bridge to break a tie without iflink, and explains a tie it cannot break', () => {
    const link: ContainerLink = { name: 'eth0', ifindex: 8, iflink: null, mac: null, ipv4: [] };
    const hosts = [veth('vethaaaaaaa', 9, 8, 'docker0'), veth('vethbbbbbbb', 21, 8, 'br-448753fc56bd')];
    assert.deepEqual(findHostVeth(link, hosts, 'br-448753fc56bd'), { value: { name: 'vethbbbbbbb', ifindex: 21, master: 'br-448753fc56bd' }, source: 'procfs' });
    const tie = findHostVeth(link, hosts, null);
    assert.ok(isUnavailable(tie) && /vethaaaaaaa, vethbbbbbbb all have iflink 8/.test(tie.unavailable));
    // With the container's iflink known, the pair is exact.
    assert.equal((findHostVeth({ ...link, iflink: 9 }, hosts, null) as { value: { name: string } }).value.name, 'vethaaaaaaa');
  });

  it('explains a link whose peer is not in the host namespace (macvlan: iflink is the parent NIC)', () => {
    const nic: LinkInfo = { name: 'eth0', ifindex: 4, iflink: 4, master: null, kind: 'other' };
    const got = findHostVeth({ name: 'eth0', ifindex: 12, iflink: 4, mac: null, ipv4: [] }, [nic], null);
    assert.ok(isUnavailable(got));
    assert.match(got.unavailable, /no host interface has iflink 12 and ifindex 4/);
    assert.match(got.unavailable, /eth0 is its parent, as for macvlan/);
  });
});
