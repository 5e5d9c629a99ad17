// npm start: packages the extension (npm run package), installs that .vsix into a fresh
// code-server, and opens the demo workspace at a printed http://127.0.0.1:PORT/ against the
// local engine, with the Container Anatomy view shown.
//   --demo     also start a few labelled demo containers and a small compose project, in a
//              copy of the demo workspace (all removed again on exit)
//   --port N   listen on port N instead of a free one
//   --lang ko  VS Code's display language Korean (installs the Korean language pack)
// Stays in the foreground until Ctrl-C.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMPOSE_PROJECT, removeDemo, startComposeDemo, startDemoContainers } from './demo';
import { packageExtension, startHost, type Host } from './server';
import { showViewExtension } from './show-view-ext';

interface StartArgs {
  demo: boolean;
  port?: number;
  locale?: 'ko';
}

/** The value of `--name V` or `--name=V`. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function parseArgs(argv: string[]): StartArgs {
  const out: StartArgs = { demo: argv.includes('--demo') };
  const raw = option(argv, '--port');
  if (raw !== undefined) {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port wants a number from 1 to 65535, got "${raw}"`);
    out.port = port;
  }
  const lang = option(argv, '--lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') throw new Error(`--lang wants en or ko, got "${lang}"`);
  if (lang === 'ko') out.locale = 'ko';
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const running: { host?: Host; demoDir?: string } = {};
  let stopping = false;
  const cleanUp = async () => {
    await running.host?.stop();
    if (args.demo) await removeDemo();
    if (running.demoDir) fs.rmSync(running.demoDir, { recursive: true, force: true });
  };
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    await cleanUp();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await serve(args, running, () => stopping);
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

async function serve(args: StartArgs, running: { host?: Host; demoDir?: string }, stopping: () => boolean): Promise<void> {
  let workspace = path.join(__dirname, 'demo-workspace');
  if (args.demo) {
    await startDemoContainers();
    running.demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-demo-'));
    workspace = path.join(running.demoDir, COMPOSE_PROJECT);
    fs.cpSync(path.join(__dirname, 'demo-workspace'), workspace, { recursive: true });
    await startComposeDemo(workspace);
  }
  const t0 = Date.now();
  const vsix = await packageExtension();
  console.log(`packaged ${path.relative(process.cwd(), vsix)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const host = await startHost({ vsixes: [vsix, showViewExtension()], workspace, port: args.port, ...(args.locale ? { locale: args.locale } : {}) });
  running.host = host;
  if (stopping()) {
    await host.stop();
    return;
  }
  console.log(`\nContainer Anatomy in VS Code: http://127.0.0.1:${host.port}/?folder=${encodeURIComponent(workspace)}`);
  console.log(`The server listens on 127.0.0.1 only (port ${host.port}${args.port ? '' : ', a free one'}; choose it with npm start -- --port N).`);
  console.log('Open it in a browser; Ctrl-C stops the server' + (args.demo ? ' and removes the demo containers.' : '.'));
  await new Promise(() => undefined);
}

main().catch(async (err: unknown) => {
  console.error(`npm start: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
