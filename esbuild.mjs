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
    plugins: [noImageBuilds],
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['cpu-features', '*.node'],
    plugins: [noImageBuilds],
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
