// npm start: builds and packages the extension, installs it into a fresh code-server, and
// opens the demo workspace at a printed http://127.0.0.1:PORT/ against the local engine.
//   --demo     also start a few labelled demo containers (removed again on exit)
//   --port N   listen on port N instead of a free one
// Stays in the foreground until Ctrl-C.
import * as path from 'node:path';
import { removeDemo, startDemoContainers } from './demo';
import { packageExtension, startHost, type Host } from './server';

function parseArgs(argv: string[]): { demo: boolean; port?: number } {
  const demo = argv.includes('--demo');
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  if (raw === undefined) return { demo };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port wants a number from 1 to 65535, got "${raw}"`);
  return { demo, port };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const running: { host?: Host } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    await running.host?.stop();
    if (args.demo) await removeDemo();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (args.demo) await startDemoContainers();
  const t0 = Date.now();
  const vsix = await packageExtension();
  console.log(`packaged ${path.relative(process.cwd(), vsix)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const workspace = path.join(__dirname, 'demo-workspace');
  const host = await startHost({ vsixes: [vsix], workspace, port: args.port });
  running.host = host;
  if (stopping) {
    await host.stop();
    return;
  }
  console.log(`\nContainer Anatomy in VS Code: http://127.0.0.1:${host.port}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Open it in a browser; Ctrl-C stops the server' + (args.demo ? ' and removes the demo containers.' : '.'));
  await new Promise(() => undefined);
}

main().catch(async (err: unknown) => {
  console.error(`npm start: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
