// One build script, two kinds of bundle: Node (extension host and CLI) and browser (webview).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// dockerode loads its BuildKit session code (gRPC, protobuf: about 400 KB) eagerly; we
// never build images, so those two modules are replaced by a stub that says so if called.
const noImageBuilds = {
  name: 'no-image-builds',
  setup(build) {
    build.onResolve({ filter: /^\.\/(session|buildkit)$/ }, (args) =>
      /node_modules[\\/]dockerode[\\/]lib$/.test(args.resolveDir) ? { path: args.path, namespace: 'no-image-builds' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-image-builds' }, () => ({
      contents: 'module.exports = function () { throw new Error("image builds are not supported here"); };',
      loader: 'js',
    }));
  },
};

// docker-modem requires its ssh transport (and with it ssh2, a third of the bundle) at load
// time, so every start paid for ssh2's set-up. Its './ssh' becomes a shim that requires the
// real module on the first ssh:// request; esbuild keeps CommonJS modules lazy until then.
const lazySsh = {
  name: 'lazy-ssh',
  setup(build) {
    build.onResolve({ filter: /^\.\/ssh$/ }, (args) =>
      /node_modules[\\/]docker-modem[\\/]lib$/.test(args.resolveDir)
        ? { path: args.path, namespace: 'lazy-ssh', pluginData: { dir: args.resolveDir } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-ssh' }, (args) => ({
      contents: 'module.exports = function (opt) { return require("./ssh.js")(opt); };',
      resolveDir: args.pluginData.dir,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'cpu-features', '*.node'],
    plugins: [noImageBuilds, lazySsh],
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli-core.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['cpu-features', '*.node'],
    plugins: [noImageBuilds, lazySsh],
  },
  // The command's entry: runs cli-core.js through V8's code cache (see src/cli-start.ts).
  {
    ...common,
    entryPoints: ['src/cli-start.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
].filter((b) => b.entryPoints.every((e) => existsSync(e)));

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
