/**
 * Rootless Docker runs dockerd inside RootlessKit's user, mount and network namespaces (and
 * more when asked). For such an engine "the host" is RootlessKit's child process, not this
 * process: a `--network host` container shares RootlessKit's network namespace, which is not
 * this process's. The child's PID is in RootlessKit's state directory (`child_pid`, a
 * documented state file), beside the engine's socket: $XDG_RUNTIME_DIR/dockerd-rootless.
 */
import * as path from 'node:path';
import { NAMESPACE_TYPES, fact, isFact, unavailable, type HostAnatomy, type Maybe } from './model';
import { readText } from './procfs/files';
import { readNamespaces } from './procfs/ns';

/** name=rootless in /info SecurityOptions (as "name=rootless" on API >= 1.30). */
export function isRootlessEngine(securityOptions: unknown): boolean {
  return Array.isArray(securityOptions) && securityOptions.some((o) => String(o).split(',').includes('name=rootless'));
}

/** Where RootlessKit's state directory may be, most specific first. */
export function stateDirCandidates(endpoint: string, env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR) out.push(env.DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR);
  if (endpoint.startsWith('unix://')) out.push(path.join(path.dirname(endpoint.slice('unix://'.length)), 'dockerd-rootless'));
  if (env.XDG_RUNTIME_DIR) out.push(path.join(env.XDG_RUNTIME_DIR, 'dockerd-rootless'));
  return [...new Set(out)];
}

const WHAT = "RootlessKit's child process: dockerd and its containers live in its namespaces, so it is what \"host\" means here";

/** RootlessKit's child PID, or why it could not be found. `fsRoot` prefixes the state directories (fixture trees). */
export async function rootlessKitChild(dirs: string[], fsRoot: string): Promise<Maybe<{ pid: number; what: string }>> {
  const tried: string[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, 'child_pid');
    const r = await readText(fsRoot + file);
    const pid = r.ok ? Number(r.text.trim()) : NaN;
    if (Number.isInteger(pid) && pid > 0) return fact({ pid, what: WHAT }, 'procfs');
    tried.push(r.ok ? `${file} holds no PID` : r.reason);
  }
  return unavailable(
    `the engine is rootless, so "host" means RootlessKit's namespaces, but RootlessKit's child PID was not found (${tried.join('; ') || 'no state directory to look in'}); ` +
      'set DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR to its state directory',
  );
}

/**
 * Makes the host side of a rootless engine RootlessKit's: its namespaces replace this
 * process's; where they cannot be read, the host's namespaces are unavailable with the reason,
 * so no container is told it has its "own" namespace by comparison with the wrong process.
 */
export async function useRootlessKitHost(host: HostAnatomy, procRoot: string, fsRoot: string, env: NodeJS.ProcessEnv): Promise<HostAnatomy> {
  const child = await rootlessKitChild(stateDirCandidates(host.engine.endpoint, env), fsRoot);
  const ns = isFact(child) ? await readNamespaces(procRoot, child.value.pid) : null;
  const namespaces = { ...host.namespaces };
  for (const t of NAMESPACE_TYPES) namespaces[t] = { ...namespaces[t], inode: ns ? ns[t] : (child as { unavailable: string }) };
  return { ...host, namespaces, engine: { ...host.engine, rootless: { hostNamespacesOf: child } } };
}
