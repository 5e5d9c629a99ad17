/**
 * Where a snapshot's kernel facts come from, decided once per engine: this machine's /proc
 * and /sys when they show the engine's host and the reads are permitted, otherwise the
 * helper container (with consent), otherwise nowhere (the facts stay unavailable, with why).
 */
import type { Engine } from '../engine/connection';
import { isUnavailable } from '../model';
import type { HelperManager, HelperReader } from '../helper/manager';
import { LOCAL_FILES } from '../procfs/files';
import type { Roots } from './context';
import { endpointNotLocal, type EngineAnswers } from './host';
import { pidIsThisContainer } from './process';

export interface Verdict {
  /** Why this machine's files do not show the engine's host; null when they do. */
  notLocal: string | null;
  /** Why they show it but may not be read (a docker-group user and root's containers); null when they may. */
  denied: string | null;
}

const verdicts = new WeakMap<Engine, Verdict>();

/**
 * Local when the endpoint is a unix socket, a running container's State.Pid exists in this
 * /proc with a cgroup naming the container, and its namespace links may be read. With no
 * running container there is nothing to check against: local unless the engine says it is
 * Docker Desktop (whose unix socket leads into a VM).
 */
export async function judgeLocal(engine: Engine, answers: Promise<EngineAnswers>, roots: Roots): Promise<Verdict> {
  const known = verdicts.get(engine);
  if (known) return known;
  const remote = endpointNotLocal(engine);
  if (remote) return remember(engine, { notLocal: remote, denied: null });
  const { info, list } = await answers;
  const running = list.find((c) => c.State === 'running');
  if (!running) {
    const desktop = /docker desktop/i.test(String(info.OperatingSystem ?? ''));
    return { notLocal: desktop ? `the engine at ${engine.choice.endpoint} is Docker Desktop, which runs it in a VM: this machine's /proc and /sys do not show its containers` : null, denied: null };
  }
  let raw;
  try {
    raw = await engine.inspectContainer(String(running.Id));
  } catch {
    return { notLocal: null, denied: null }; // gone since the list: decide on the next snapshot
  }
  const pid = Number(raw.State?.Pid ?? 0);
  if (!pid) return { notLocal: null, denied: null };
  const mine = await pidIsThisContainer(roots.procRoot, pid, String(raw.Id));
  if (isUnavailable(mine)) return remember(engine, { notLocal: mine.unavailable, denied: null });
  const link = `${roots.procRoot}/${pid}/ns/net`;
  const st = LOCAL_FILES.statInode(link);
  const denied = !st.ok && (st.code === 'EACCES' || st.code === 'EPERM') ? `permission denied reading ${link} and the other namespace links of containers` : null;
  return remember(engine, { notLocal: null, denied });
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

/** The verdict, and the helper when the verdict needs one and it is allowed and starts. */
export async function kernelSource(engine: Engine, answers: Promise<EngineAnswers>, roots: Roots, helpers?: HelperManager, force = false): Promise<KernelSource> {
  const v = await judgeLocal(engine, answers, roots);
  const need = v.notLocal ?? v.denied ?? (force ? 'reading through the helper container was asked for' : null);
  if (need === null || !helpers) return { reader: null, notLocal: v.notLocal };
  const r = await helpers.reader(engine, need);
  if (typeof r !== 'string') return { reader: r, notLocal: null };
  return { reader: null, notLocal: v.notLocal === null ? null : `${v.notLocal}; ${r}`, refused: r };
}
