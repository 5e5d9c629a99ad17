/**
 * Builds the snapshot model from the engine's answers and the kernel's files. One container
 * list, one network list and one inspect per container; every /proc or /sys file is read once
 * per container (host-wide files once per snapshot). The parts: host.ts (the reference side),
 * process.ts (namespaces and process), network.ts (attachments and veths), peers.ts (sharing).
 */
import { hasProcess, isFact, isUnavailable, unavailable, fact, type ContainerAnatomy, type ContainerState, type Maybe } from '../model';
import { resolveCgroupDirs } from '../procfs/cgroup';
import { inScope } from '../procfs/files';
import { readCgroupAnatomy } from '../procfs/limits';
import { notRunningReason, type HostContext, type RawInspect } from './context';
import { networkOf } from './network';
import { normalisePodmanInspect } from './podman';
import { namespacesOf, pidIsThisContainer, processOf } from './process';

export { REAL_ROOTS, type HostContext, type RawInspect, type RawNetwork, type Roots } from './context';
export { askEngine, endpointNotLocal, hostBridges, hostKernel, interfaceAddresses, introspectHost, listNetworks, rereadHostLinks, type EngineAnswers } from './host';
export { linkContainers, peerOf, readPeer, type LinkPeer } from './peers';

function stateOf(raw: RawInspect): ContainerState {
  const s = raw.State ?? {};
  if (s.Paused) return 'paused';
  const status = String(s.Status ?? '').toLowerCase();
  const known: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
  return (known.find((k) => k === status) ?? (s.Running ? 'running' : 'exited')) as ContainerState;
}

/** A container's anatomy from its inspect and the kernel's files; an overlay network's leg comes last. */
export async function introspectContainer(answer: RawInspect, ctx: HostContext): Promise<ContainerAnatomy> {
  // Everything but an overlay's leg is read in one synchronous stretch (see procfs/files.ts).
  const { container, overlays } = inScope(() => readNow(answer, ctx));
  if (overlays) await overlays;
  return container;
}

function readNow(answer: RawInspect, ctx: HostContext): { container: ContainerAnatomy; overlays: Promise<void> | null } {
  const raw = ctx.host.engine.kind === 'podman' ? normalisePodmanInspect(answer, ctx.networks) : answer;
  const readAt = new Date().toISOString();
  const id = String(raw.Id);
  const state = stateOf(raw);
  const rawPid = Number(raw.State?.Pid ?? 0);
  const running = rawPid > 0 && hasProcess(state);
  let pid = running ? rawPid : null;
  let local = ctx;
  if (pid !== null && !ctx.notLocal) {
    const check = pidIsThisContainer(ctx.roots.procRoot, pid, id);
    if (isUnavailable(check)) local = { ...ctx, notLocal: check.unavailable };
  }
  const labels: Record<string, string> = { ...(raw.Config?.Labels ?? {}) };
  const namespaces = namespacesOf(raw, pid, state, local);
  const proc = processOf(raw, pid, state, local, namespaces.user.inode);
  const { network, overlays } = networkOf(raw, pid, state, local);
  let dirs: Maybe<Record<string, string>>;
  if (local.notLocal) dirs = unavailable(local.notLocal);
  else if (pid === null) dirs = unavailable(notRunningReason(state, 'cgroup'));
  else if (isUnavailable(ctx.layout)) dirs = ctx.layout;
  else dirs = resolveCgroupDirs(ctx.roots.procRoot, pid, ctx.layout.value, ctx.roots.fsRoot);
  if (pid !== null && local.notLocal) pid = rawPid; // the engine's PID is still a fact, of another machine
  const cgroup = readCgroupAnatomy({
    layout: isFact(ctx.layout) ? ctx.layout.value : { version: 'v2', mounts: [] },
    dirs,
    hostConfig: raw.HostConfig ?? {},
    memTotalBytes: ctx.host.memTotalBytes,
    onlineCpus: ctx.host.onlineCpus,
    running: pid !== null,
    fsRoot: ctx.roots.fsRoot,
    engineCgroupVersion: ctx.host.engine.cgroupVersion,
  });
  const compose = labels['com.docker.compose.project']
    ? { project: labels['com.docker.compose.project'], service: labels['com.docker.compose.service'] ?? '' }
    : null;
  const st = raw.State ?? {};
  const container: ContainerAnatomy = {
    id,
    name: String(raw.Name ?? id).replace(/^\//, ''),
    image: String(raw.Config?.Image ?? raw.Image ?? ''),
    imageId: String(raw.Image ?? ''),
    state,
    status: String(st.Status ?? ''),
    created: String(raw.Created ?? ''),
    pid: running ? fact(rawPid, 'engine') : unavailable(notRunningReason(state, 'process ID')),
    labels,
    compose,
    swarmService: labels['com.docker.swarm.service.name'] ?? null,
    namespaces,
    process: proc,
    cgroup,
    network,
    networks: network.networks,
    exit:
      state === 'exited' || state === 'dead'
        ? { code: Number(st.ExitCode ?? 0), oomKilled: Boolean(st.OOMKilled), finishedAt: String(st.FinishedAt ?? '') }
        : null,
    readAt,
    usageReadAt: readAt,
  };
  return { container, overlays };
}

