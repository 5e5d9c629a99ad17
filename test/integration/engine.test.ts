/**
 * The engine connection and the event watcher against the real engine at
 * /var/run/docker.sock. Every container and network made here carries the label
 * container-anatomy.test=engine and is removed in after(), whatever happened.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../src/core/engine/connection';
import { resolveEndpoint, type EndpointChoice } from '../../src/core/engine/endpoint';
import { EngineError, toEngineError } from '../../src/core/engine/errors';
import { EventWatcher, type EngineEvent, type WatcherStatus } from '../../src/core/engine/watcher';
import { FIXTURES, REPO_ROOT, close, listen, runAsNobody, tempDir, unixChoice } from '../unit/engine/helpers';
import { startSshRelay } from '../unit/engine/ssh-relay';
import { utils } from 'ssh2';

const SOCKET = '/var/run/docker.sock';
const LABEL = { 'container-anatomy.test': 'engine' };
const IMAGE = 'container-anatomy-test/busybox:latest';
const suffix = `${process.pid}-${Date.now().toString(36)}`;

function until(cond: () => boolean, what: string, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (cond()) resolve();
      else if (Date.now() > end) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

/** Removes everything labelled for this file (containers first, then networks). */
async function cleanup(engine: Engine): Promise<void> {
  const filters = { label: ['container-anatomy.test=engine'] };
  for (const c of await engine.docker.listContainers({ all: true, filters })) {
    await engine.docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  }
  for (const n of await engine.docker.listNetworks({ filters })) {
    await engine.docker.getNetwork(n.Id).remove().catch(() => undefined);
  }
}

describe('engine (real dockerd at /var/run/docker.sock)', function () {
  this.timeout(60000);
  let engine: Engine;
  const tmp = tempDir('int');

  before(async () => {
    // No DOCKER_* in the environment and a home without ~/.docker: the default socket.
    const choice = resolveEndpoint({}, path.join(FIXTURES, 'empty-home'));
    assert.equal(choice.endpoint, `unix://${SOCKET}`);
    engine = await connectEngine(choice);
    await cleanup(engine);
  });

  after(async () => {
    if (engine) {
      await cleanup(engine);
      engine.dispose();
    }
    tmp.cleanup();
  });

  it('negotiates API 1.41 with this dockerd 20.10 and pins the client to it', async () => {
    assert.equal(engine.apiVersion, '1.41');
    assert.match(engine.serverVersion, /^20\.10\./);
    const info = await engine.info();
    assert.equal(info.CgroupVersion, '1');
    assert.equal(await engine.info(), info, 'info() is cached');
    const modem = (engine.docker as unknown as { modem: { version?: string } }).modem;
    assert.equal(modem.version, 'v1.41');
  });

  it('sees create, start, update, rename, pause, unpause, die, destroy and network connect/disconnect, in order', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const watcher = new EventWatcher(engine);
    const events: EngineEvent[] = [];
    const statuses: WatcherStatus[] = [];
    watcher.onEvent((e) => events.push(e));
    watcher.onStatus((s) => statuses.push(s));
    watcher.start(since);
    try {
      await until(() => statuses.some((s) => s.connected), 'the watcher to connect');
      const name = `ca-engine-${suffix}`;
      const network = await engine.docker.createNetwork({ Name: `ca-engine-net-${suffix}`, Labels: LABEL });
      const container = await engine.docker.createContainer({ name, Image: IMAGE, Cmd: ['sleep', '3600'], Labels: LABEL });
      const id = container.id;
      await container.start();
      await container.update({ CpuShares: 512 });
      await container.rename({ name: `${name}-renamed` });
      await container.pause();
      await container.unpause();
      await network.connect({ Container: id });
      await network.disconnect({ Container: id });
      await container.kill();
      await container.remove({ force: true });

      const mine = (): EngineEvent[] => events.filter((e) => e.id === id || (e.type === 'network' && e.attributes.container === id));
      await until(() => mine().some((e) => e.action === 'destroy'), 'the destroy event');
      const seq = mine().map((e) => `${e.type}:${e.action}`);
      const containerSeq = seq.filter((x) => x.startsWith('container:'));
      assert.deepEqual(containerSeq, [
        'container:create',
        'container:start',
        'container:update',
        'container:rename',
        'container:pause',
        'container:unpause',
        'container:die',
        'container:destroy',
      ]);
      // The default bridge is joined before start and left around die; our network in between.
      const onOurs = mine().filter((e) => e.type === 'network' && e.id === network.id).map((e) => e.action);
      // dockerd 20.10 reports an explicit disconnect of a running container twice (docker events shows the same).
      assert.deepEqual([...new Set(onOurs)], ['connect', 'disconnect'], onOurs.join(', '));
      assert.ok(seq.indexOf('network:connect') < seq.indexOf('container:start'), seq.join(', '));
      const onBridge = mine().filter((e) => e.type === 'network' && e.id !== network.id).map((e) => e.action);
      assert.deepEqual(onBridge, ['connect', 'disconnect']);
      const rename = mine().find((e) => e.action === 'rename');
      assert.equal(rename?.attributes.oldName, `/${name}`);
      assert.equal(rename?.attributes.name, `${name}-renamed`);
      assert.equal(rename?.attributes['container-anatomy.test'], 'engine');
      const connect = mine().find((e) => e.type === 'network' && e.action === 'connect' && e.id === network.id);
      assert.ok(connect, `a connect event on network ${network.id.slice(0, 12)}`);
      assert.equal(connect.attributes.container, id);
      assert.equal(connect.attributes.type, 'bridge');
      const die = mine().find((e) => e.action === 'die');
      assert.equal(die?.attributes.exitCode, '137');
      const times = mine().map((e) => e.timeNano);
      assert.deepEqual([...times].sort((x, y) => x - y), times, 'events arrive in time order');
      assert.ok(times[0] >= since * 1e9);
    } finally {
      watcher.stop();
    }
  });

  it('loses nothing across a dropped connection: reconnects and resumes from the last event', async () => {
    // A unix-socket relay to the real engine that the test can cut.
    const relaySock = path.join(tmp.dir, 'relay.sock');
    const pairs = new Set<net.Socket>();
    const relay = net.createServer((down) => {
      const up = net.connect(SOCKET);
      pairs.add(down).add(up);
      down.pipe(up).pipe(down);
      const drop = (): void => {
        down.destroy();
        up.destroy();
      };
      down.on('error', drop).on('close', drop);
      up.on('error', drop).on('close', drop);
    });
    await listen(relay, relaySock);
    const viaRelay = await connectEngine(unixChoice(relaySock));
    const watcher = new EventWatcher(viaRelay, { backoffMs: [100, 200] });
    const events: EngineEvent[] = [];
    const statuses: WatcherStatus[] = [];
    watcher.onEvent((e) => events.push(e));
    watcher.onStatus((s) => statuses.push(s));
    try {
      watcher.start(Math.floor(Date.now() / 1000) - 1);
      await until(() => statuses.length === 1 && statuses[0].connected, 'the watcher to connect');
      const c = await engine.docker.createContainer({ name: `ca-engine-gap-${suffix}`, Image: IMAGE, Cmd: ['sleep', '3600'], Labels: LABEL });
      await c.start();
      await until(() => events.some((e) => e.id === c.id && e.action === 'start'), 'start through the relay');

      // Cut the stream and keep the engine unreachable while things happen.
      await new Promise<void>((resolve) => {
        relay.close(() => resolve());
        pairs.forEach((s) => s.destroy());
      });
      await until(() => statuses.some((s) => !s.connected), 'the watcher to notice');
      const lost = statuses.find((s) => !s.connected)?.error;
      assert.ok(lost instanceof EngineError);
      await c.pause();
      await c.unpause();
      await listen(relay, relaySock);

      await until(() => events.some((e) => e.id === c.id && e.action === 'unpause'), 'the events from the gap');
      assert.equal(statuses[statuses.length - 1].connected, true, 'reconnected');
      const seq = events.filter((e) => e.id === c.id && e.type === 'container').map((e) => e.action);
      assert.deepEqual(seq, ['create', 'start', 'pause', 'unpause'], 'each event once, none lost');
    } finally {
      watcher.stop();
      viaRelay.dispose();
      await close(relay);
    }
  });

  describe('ssh:// endpoints (a local sshd that runs docker system dial-stdio onto the real socket)', () => {
    it('negotiates and reads /info over ssh with the default key from ~/.ssh', async () => {
      const relay = await startSshRelay(SOCKET, 'tester');
      const home = path.join(tmp.dir, 'ssh-home');
      mkdirSync(path.join(home, '.ssh'), { recursive: true });
      writeFileSync(path.join(home, '.ssh', 'id_ed25519'), relay.clientKey, { mode: 0o600 });
      writeFileSync(path.join(home, '.ssh', 'known_hosts'), relay.knownHostsLine);
      const choice = resolveEndpoint({ DOCKER_HOST: `ssh://tester@127.0.0.1:${relay.port}` }, home);
      try {
        const viaSsh = await connectEngine(choice, { env: {}, homeDir: home, timeoutMs: 15000 });
        assert.equal(viaSsh.apiVersion, '1.41');
        assert.equal((await viaSsh.info()).CgroupVersion, '1');
        viaSsh.dispose();
        assert.ok(relay.commands.length >= 2);
        assert.ok(relay.commands.every((c) => c === 'docker system dial-stdio'));
      } finally {
        await relay.close();
      }
    });

    it('refuses an unknown host key and a changed one, naming what to run, and accepts a hashed entry', async () => {
      const relay = await startSshRelay(SOCKET, 'tester');
      const home = path.join(tmp.dir, 'ssh-keys-home');
      mkdirSync(path.join(home, '.ssh'), { recursive: true });
      writeFileSync(path.join(home, '.ssh', 'id_ed25519'), relay.clientKey, { mode: 0o600 });
      const knownHosts = path.join(home, '.ssh', 'known_hosts');
      const choice = resolveEndpoint({ DOCKER_HOST: `ssh://tester@127.0.0.1:${relay.port}` }, home);
      const connect = (): Promise<EngineError> =>
        connectEngine(choice, { env: {}, homeDir: home, timeoutMs: 15000 }).then(
          (e) => {
            e.dispose();
            return assert.fail('the connection should have been refused');
          },
          (e: unknown) => e as EngineError,
        );
      try {
        const unknown = await connect();
        assert.equal(unknown.code, 'ssh');
        assert.match(unknown.message, new RegExp(`The SSH host key of \\[127\\.0\\.0\\.1\\]:${relay.port} is not in known_hosts .* it offered ssh-ed25519 SHA256:`));
        assert.match(unknown.hint, new RegExp(`ssh -p ${relay.port} 127\\.0\\.0\\.1`));
        assert.match(unknown.hint, new RegExp(`ssh-keyscan -p ${relay.port} 127\\.0\\.0\\.1`));
        assert.deepEqual(relay.commands, [], 'nothing ran on a host that was not verified');

        const other = utils.generateKeyPairSync('ed25519').public.trim().split(/\s+/).slice(0, 2).join(' ');
        writeFileSync(knownHosts, `# another key for the same host and port\n[127.0.0.1]:${relay.port} ${other}\n`);
        const changed = await connect();
        assert.match(changed.message, new RegExp(`has changed: it offered ssh-ed25519 SHA256:\\S+, which does not match ${knownHosts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 2`));
        assert.match(changed.hint, new RegExp(`ssh-keygen -R '\\[127\\.0\\.0\\.1\\]:${relay.port}'`));
        assert.deepEqual(relay.commands, []);

        // The form `HashKnownHosts yes` writes: |1|base64(salt)|base64(HMAC-SHA1(salt, name)).
        const salt = randomBytes(20);
        const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(`[127.0.0.1]:${relay.port}`).digest('base64')}`;
        writeFileSync(knownHosts, `${hashed} ${relay.knownHostsLine.split(' ').slice(1).join(' ')}`);
        const engine = await connectEngine(choice, { env: {}, homeDir: home, timeoutMs: 15000 });
        assert.equal((await engine.info()).CgroupVersion, '1');
        engine.dispose();
      } finally {
        await relay.close();
      }
    });

    it('works from an esbuild bundle without the native cpu-features and sshcrypto modules', () => {
      // Bundled as the extension should be: cpu-features and *.node left out, so ssh2 takes its pure-JS path.
      const dir = path.join(tmp.dir, 'bundle');
      mkdirSync(dir, { recursive: true });
      const entry = path.join(dir, 'entry.ts');
      writeFileSync(
        entry,
        `import { connectEngine } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/engine/connection'))};
import { startSshRelay } from ${JSON.stringify(path.join(REPO_ROOT, 'test/unit/engine/ssh-relay'))};
import { mkdirSync, writeFileSync } from 'node:fs';
(async () => {
  const relay = await startSshRelay(${JSON.stringify(SOCKET)}, 'tester');
  const home = ${JSON.stringify(path.join(dir, 'home'))};
  mkdirSync(home + '/.ssh', { recursive: true });
  writeFileSync(home + '/.ssh/id_ed25519', relay.clientKey, { mode: 0o600 });
  writeFileSync(home + '/.ssh/known_hosts', relay.knownHostsLine);
  const engine = await connectEngine({ endpoint: 'ssh://tester@127.0.0.1:' + relay.port, kind: 'ssh', context: null, chosenBy: 'setting', tls: null }, { env: {}, homeDir: home, timeoutMs: 15000 });
  const native = Object.keys(require.cache).filter((k) => k.endsWith('.node') || k.includes('cpu-features'));
  console.log(JSON.stringify({ apiVersion: engine.apiVersion, native }));
  engine.dispose();
  await relay.close();
})().catch((e) => { console.error(e); process.exit(1); });
`,
      );
      const out = path.join(dir, 'out.js');
      const esbuild = require.resolve('esbuild', { paths: [REPO_ROOT] });
      execFileSync(process.execPath, [
        '-e',
        `require(${JSON.stringify(esbuild)}).buildSync({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(out)}, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', external: ['cpu-features', '*.node'] })`,
      ]);
      // Run from a folder with no node_modules: nothing outside the bundle can be found.
      const result = JSON.parse(execFileSync(process.execPath, [out], { cwd: dir, timeout: 30000, encoding: 'utf8' }).trim().split('\n').pop() ?? '');
      assert.deepEqual(result, { apiVersion: '1.41', native: [] });
    });
  });

  it('a container that does not exist is not-found, with the engine\'s message', async () => {
    const err = await engine.docker
      .getContainer('ca-engine-no-such-container')
      .inspect()
      .then(
        () => assert.fail('inspect should fail'),
        (e: unknown) => toEngineError(e, engine.choice.endpoint),
      );
    assert.equal(err.code, 'not-found');
    assert.equal(err.message, 'No such container: ca-engine-no-such-container');
  });

  it('a wrong socket path gives the real ENOENT message', async () => {
    const wrong = path.join(tmp.dir, 'docker.sock');
    const choice: EndpointChoice = resolveEndpoint({ DOCKER_HOST: `unix://${wrong}` }, path.join(FIXTURES, 'empty-home'));
    await assert.rejects(connectEngine(choice), (e: unknown) => {
      assert.ok(e instanceof EngineError);
      assert.equal(e.code, 'socket-missing');
      assert.equal(e.message, `No Docker engine socket at ${wrong}`);
      assert.equal(e.hint, 'Start dockerd (sudo systemctl start docker) or pick another context (Container Anatomy: Select Engine/Context, or DOCKER_HOST / DOCKER_CONTEXT).');
      return true;
    });
  });

  it('uid 65534 without the docker group gets the real EACCES message on /var/run/docker.sock', () => {
    const out = runAsNobody(`
      const { connectEngine } = require('./src/core/engine/connection');
      const { resolveEndpoint } = require('./src/core/engine/endpoint');
      connectEngine(resolveEndpoint({}, ${JSON.stringify(path.join(FIXTURES, 'empty-home'))}))
        .then(() => console.log(JSON.stringify({ ok: true })),
              (e) => console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint, uid: process.getuid(), groups: process.getgroups() })));`);
    assert.deepEqual(out, {
      code: 'permission-denied',
      message: 'Permission denied on /var/run/docker.sock',
      hint: 'Add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or use a rootless Docker context.',
      uid: 65534,
      groups: [65534], // only its own gid: not in the docker group
    });
  });
});
