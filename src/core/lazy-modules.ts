/**
 * Node built-ins that only some paths use, loaded on first use: requiring child_process or zlib
 * at start costs 1 to 2 ms each, paid by every command line run that never runs a program or
 * unpacks the helper's output.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deferred on purpose, see above */
export function childProcess(): typeof import('node:child_process') {
  return require('node:child_process') as typeof import('node:child_process');
}

export function zlib(): typeof import('node:zlib') {
  return require('node:zlib') as typeof import('node:zlib');
}
