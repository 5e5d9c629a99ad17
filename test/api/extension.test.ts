// Runs inside a real VS Code extension host (code-server's, or a desktop one through
// @vscode/test-electron) against the real Docker engine on this machine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import { explain, resolveLang } from '../../src/core/catalog';
import type { NamespaceDiff } from '../../src/core/model';
import type { AnatomyService } from '../../src/core/service';

const EXTENSION_ID = 'container-anatomy.container-anatomy';
const IMAGE = 'container-anatomy-test/busybox:latest';

interface Api {
  service: AnatomyService;
  explanationLanguage(): 'en' | 'ko';
}

async function activateExtension(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Plain text of the hovers a provider returns (markdown backslash escapes removed). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

async function hoverAt(file: string, line: number, character: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hoverText(hovers ?? []);
}

describe('Container Anatomy in a real extension host', function () {
  this.timeout(60_000);
  const docker = new Docker();
  let api: Api;
  let container: Docker.Container | undefined;
  let tmp: string;

  before(async () => {
    api = await activateExtension();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-api-'));
  });

  after(async () => {
    if (container) await container.remove({ force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('activates and returns { service, explanationLanguage }', () => {
    assert.equal(typeof api.service.snapshot, 'function');
    assert.equal(typeof api.service.onDidChange, 'function');
    assert.equal(typeof api.explanationLanguage, 'function');
  });

  it('explains in the display language when the setting is "auto"', () => {
    const setting = vscode.workspace.getConfiguration('containerAnatomy').get<string>('explanations.language', 'auto');
    assert.equal(api.explanationLanguage(), resolveLang(setting, vscode.env.language));
  });

  it('Compare with Host on a bridge container returns a diff where net is different', async () => {
    container = await docker.createContainer({
      Image: IMAGE, Cmd: ['sleep', '3600'],
      name: `anatomy-api-${process.pid}-${Date.now()}`,
      Labels: { 'container-anatomy.test': 'api' },
      HostConfig: { NetworkMode: 'bridge' },
    });
    await container.start();
    const id = container.id;
    await vscode.commands.executeCommand('containerAnatomy.tree.refresh');
    await until('the service to see the new container running', () =>
      api.service.container(id)?.state === 'running' ? true : undefined);

    const diff = await vscode.commands.executeCommand<NamespaceDiff>('containerAnatomy.compare.withHost', id);
    assert.ok(diff, 'compare.withHost returned nothing');
    assert.deepEqual(diff.rows.map((r) => r.type).sort(), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);
    const sides = [diff.left, diff.right];
    assert.ok(sides.some((s) => s.kind === 'host'), 'one side is the host');
    assert.ok(sides.some((s) => s.kind === 'container' && s.id === id), 'one side is the container');
    assert.equal(diff.rows.find((r) => r.type === 'net')?.verdict, 'different');
    assert.equal(diff.rows.find((r) => r.type === 'pid')?.verdict, 'different');
    assert.equal(diff.rows.find((r) => r.type === 'user')?.verdict, 'same', 'no userns-remap on this engine');
  });

  it('hovering USER in a Dockerfile explains the user namespace', async () => {
    const file = path.join(tmp, 'Dockerfile');
    fs.writeFileSync(file, 'FROM busybox\nUSER 1000:1000\nEXPOSE 8080\nCMD ["sleep", "3600"]\n');
    const text = await hoverAt(file, 1, 1);
    const entry = explain('dockerfile.USER', api.explanationLanguage());
    assert.ok(entry);
    assert.ok(text.includes(entry.summary), `hover text lacks the USER summary:\n${text}`);
    assert.match(text, api.explanationLanguage() === 'ko' ? /user 네임스페이스/ : /user namespace/i);
  });

  it('hovering pid: host in compose.yaml explains the host PID namespace', async () => {
    const file = path.join(tmp, 'compose.yaml');
    fs.writeFileSync(file, 'services:\n  monitor:\n    image: busybox\n    pid: host\n');
    const text = await hoverAt(file, 3, 10); // on the value "host"
    const entry = explain('compose.pid.host', api.explanationLanguage());
    assert.ok(entry);
    assert.ok(text.includes(entry.summary), `hover text lacks the pid: host summary:\n${text}`);
  });

  it('the explanation-language setting overrides the display language', async () => {
    const config = vscode.workspace.getConfiguration('containerAnatomy');
    const other = api.explanationLanguage() === 'ko' ? 'en' : 'ko';
    await config.update('explanations.language', other, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(api.explanationLanguage(), other);
      const file = path.join(tmp, 'Dockerfile');
      fs.writeFileSync(file, 'FROM busybox\nUSER 1000:1000\n');
      const text = await hoverAt(file, 1, 1);
      const entry = explain('dockerfile.USER', other);
      assert.ok(entry && text.includes(entry.summary), `hover follows the setting (${other}):\n${text}`);
    } finally {
      await config.update('explanations.language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
