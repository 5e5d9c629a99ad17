/**
 * Where a snapshot's kernel facts come from, decided once per engine: this machine's /proc
 * and /sys when they show the engine's host and the reads are permitted, otherwise the
 * helper container (with consent), otherwise nowhere (the facts stay unavailable, with why).
 */
import type { Engine } from '../engine/connection';
import { isHelper } from '../helper/container';
import type { HelperManager, HelperReader } from '../helper/manager';
import { LOCAL_FILES, readTextSync as readText } from '../procfs/files';
import type { Roots } from './context';
import { endpointNotLocal, type EngineAnswers } from './host';

export interface Verdict {
  /** Why this machine's files do not show the engine's host; null when they do. */
  notLocal: string | null;
  /** Why they show it but may not be read (a docker-group user and root's containers); null when they may. */
  denied: string | null;
}

const verdicts = new WeakMap<Engine, Verdict>();

/**
 * Local when the endpoint is a unix socket, a running container's State.Pid exists in this
 * /proc with a cgroup naming the container, and its namespace links may be read. A container
 * whose cgroup file is refused, or that stopped meanwhile, proves nothing; one container seen
 * here proves the engine local (a few are tried before deciding it is elsewhere).
 */
export async function judgeLocal(engine: Engine, answers: Promise<EngineAnswers>, roots: Roots): Promise<Verdict> {
  const known = verdicts.get(engine);
  if (known) return known;
  const remote = endpointNotLocal(engine);
  if (remote) return remember(engine, { notLocal: remote, denied: null });
  const { info, list } = await answers;
  // Not the helper container: a reason quoting its PID (one left by another window) names no container of the person's.
  const running = list.filter((c) => c.State === 'running' && !isHelper(c)).slice(0, PROBES);
  let elsewhere: string | null = null;
  for (const c of running) {
    const id = String(c.Id);
    const pid = await pidOf(engine, id);
    if (!pid) continue; // gone since the list
    const r = readText(`${roots.procRoot}/${pid}/cgroup`);
    if (!r.ok && r.code !== 'ENOENT') continue; // refused: says nothing about where the engine runs
    if (!r.ok || !r.text.includes(id)) {
      // Stopped meanwhile, or really not here: only a container still running with that PID says which.
      if ((await pidOf(engine, id)) !== pid) continue;
      elsewhere ??= !r.ok
        ? `no process ${pid} on this machine: the engine runs elsewhere (a VM or another PID namespace)`
        : `PID ${pid} on this machine is not container ${id.slice(0, 12)} (its cgroup does not name it): the engine runs in a VM (Docker Desktop) or another PID namespace`;
      continue; // one container seen here proves the engine is local; look for one
    }
    const link = `${roots.procRoot}/${pid}/ns/net`;
    const st = LOCAL_FILES.statInode(link);
    const denied = !st.ok && (st.code === 'EACCES' || st.code === 'EPERM') ? `permission denied reading ${link} and the other namespace links of containers` : null;
    return remember(engine, { notLocal: null, denied });
  }
  if (elsewhere) return remember(engine, { notLocal: elsewhere, denied: null });
  // Nothing to check against (no running container, or none could be checked): local unless
  // the engine says it is Docker Desktop, whose unix socket leads into a VM. Not remembered.
  const desktop = /docker desktop/i.test(String(info.OperatingSystem ?? ''));
  return { notLocal: desktop ? `the engine at ${engine.choice.endpoint} is Docker Desktop, which runs it in a VM: this machine's /proc and /sys do not show its containers` : null, denied: null };
}

/** How many running containers are tried before deciding without one. */
const PROBES = 5;

/** State.Pid of a running container; 0 when it is not running or gone. */
async function pidOf(engine: Engine, id: string): Promise<number> {
  try {
    const raw = await engine.inspectContainer(id);
    return raw.State?.Running ? Number(raw.State?.Pid ?? 0) : 0;
  } catch {
    return 0;
  }
}

function remember(engine: Engine, v: Verdict): Verdict {
  verdicts.set(engine, v);
  return v;
}

export interface KernelSource {
  /** Reads through the helper container; null: this machine's files (or none, see notLocal). */
  reader: HelperReader | null;
  notLocal: string | null;
  /** Why the helper was needed but is not used. */
  refused?: string;
}

/**
 * The verdict, and the helper when the verdict needs one and it is allowed and starts.
 * `waiting` is told, with the engine's answers, just before the helper is asked for: a person's
 * consent and the helper's first start can take seconds.
 */
export async function kernelSource(
  engine: Engine, answers: Promise<EngineAnswers>, roots: Roots, helpers?: HelperManager, force = false, waiting?: (a: EngineAnswers) => void,
): Promise<KernelSource> {
  const v = await judgeLocal(engine, answers, roots);
  const need = v.notLocal ?? v.denied ?? (force ? 'reading through the helper container was asked for' : null);
  if (need === null || !helpers) return { reader: null, notLocal: v.notLocal };
  waiting?.(await answers);
  const r = await helpers.reader(engine, need);
  if (typeof r !== 'string') return { reader: r, notLocal: null };
  return { reader: null, notLocal: v.notLocal === null ? null : `${v.notLocal}; ${r}`, refused: r };
}
