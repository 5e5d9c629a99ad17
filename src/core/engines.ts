/**
 * Several engines followed at once: the one chosen as today (engine.host / engine.context, or
 * like the docker CLI) and any more listed by endpoint or docker context name. Each has its own
 * live model (an AnatomyService), its own status and its own helper consent (the helper manager
 * keeps those per endpoint). Engines are keyed by endpoint, never by /info ID or Name: two
 * dockerds on one host can report the same Name, and the same ID when they share a key file.
 *
 * EngineSet is itself an AnatomyService over all of them, so every view that takes one works
 * unchanged: a container is found on whichever engine has it. No vscode import.
 */
import type { KernelRelation } from './diff';
import { resolveEndpoint, type EndpointOverrides } from './engine/endpoint';
import type { ContainerAnatomy, HostAnatomy, Snapshot } from './model';
import { byStateThenName } from './snapshot';
import { notifyAll, type AnatomyChange, type AnatomyService, type Disposer, type EngineStatus } from './service';

export interface EngineSpec {
  /** The endpoint (unix://…, tcp://…, ssh://…); `context:NAME` for a context that cannot be resolved. */
  key: string;
  /** The context's name when a context names it, else the endpoint. */
  label: string;
  overrides: EndpointOverrides;
}

/** An entry of the engine list is an endpoint when it has a scheme, else a docker context name. */
export function overridesOf(entry: string): EndpointOverrides {
  const v = entry.trim();
  return /^[a-z]+:\/\//i.test(v) ? { host: v } : { context: v };
}

/**
 * The engines to follow: the one chosen as today first, then the listed ones, each once (by
 * endpoint). A context that cannot be resolved is still listed, under its name: its service
 * says why it cannot be reached, and the others are not hidden.
 */
export function engineSpecs(primary: EndpointOverrides, more: readonly string[], env: NodeJS.ProcessEnv, homeDir: string): EngineSpec[] {
  const out: EngineSpec[] = [];
  const add = (overrides: EndpointOverrides): void => {
    let spec: EngineSpec;
    try {
      const choice = resolveEndpoint(env, homeDir, overrides);
      spec = { key: choice.endpoint, label: choice.context ?? choice.endpoint, overrides };
    } catch {
      // A context that cannot be read (or, chosen like the docker CLI, a broken config): "default" is the CLI's own name for that.
      const name = overrides.context ?? overrides.host ?? 'default';
      spec = { key: overrides.host ? name : `context:${name}`, label: name, overrides };
    }
    if (!out.some((s) => s.key === spec.key)) out.push(spec);
  };
  add(primary);
  for (const entry of more) if (entry.trim()) add(overridesOf(entry));
  return out;
}

export interface EngineEntry {
  key: string;
  label: string;
  service: AnatomyService;
}

/** A service that follows several engines (the tree shows one level per engine). */
export interface MultiEngine {
  engines(): EngineEntry[];
  /** The engine a container (by id or name) is on. */
  engineOf(idOrName: string): EngineEntry | undefined;
}

export function isMultiEngine(s: unknown): s is MultiEngine & AnatomyService {
  return !!s && typeof (s as Partial<MultiEngine>).engines === 'function' && (s as MultiEngine).engines().length > 1;
}

/** A container marked with the engine it was read from. */
function tagged(c: ContainerAnatomy, engine: string): ContainerAnatomy {
  return c.engine === engine ? c : { ...c, engine };
}

export class EngineSet implements AnatomyService, MultiEngine {
  private readonly entries: EngineEntry[];
  private readonly listeners = new Set<(change: AnatomyChange) => void>();
  private readonly offs: Disposer[];

  constructor(specs: readonly EngineSpec[], create: (spec: EngineSpec) => AnatomyService) {
    this.entries = specs.map((s) => ({ key: s.key, label: s.label, service: create(s) }));
    this.offs = this.entries.map((e) => e.service.onDidChange((c) => notifyAll(this.listeners, c)));
  }

  engines(): EngineEntry[] {
    return this.entries;
  }

  engineOf(idOrName: string): EngineEntry | undefined {
    return this.entries.find((e) => e.service.container(idOrName));
  }

  /** Ready when any engine is; unreachable only when every one is (with each one's reason). */
  get status(): EngineStatus {
    const all = this.entries.map((e) => e.service.status);
    const endpoint = this.entries.map((e) => e.key).join(', ');
    if (all.some((s) => s.kind === 'ready')) return { kind: 'ready', endpoint };
    if (all.some((s) => s.kind === 'connecting')) return { kind: 'connecting', endpoint };
    if (all.every((s) => s.kind === 'unreachable')) {
      const reason = all.map((s, i) => `${this.entries[i].label}: ${s.kind === 'unreachable' ? s.reason : ''}`).join('; ');
      return { kind: 'unreachable', endpoint, reason, code: all[0].kind === 'unreachable' ? all[0].code : 'unreachable' };
    }
    return { kind: 'paused', endpoint };
  }

  /** Every engine's containers, each marked with its engine; the host is the first engine's (see hostOf). */
  snapshot(): Snapshot {
    const snaps = this.entries.map((e) => ({ e, s: e.service.snapshot() }));
    const containers = snaps.flatMap(({ e, s }) => s.containers.map((c) => tagged(c, e.key))).sort(byStateThenName);
    const takenAt = snaps.map(({ s }) => s.takenAt).sort()[0] ?? new Date(0).toISOString();
    return { schemaVersion: 1, takenAt, host: snaps[0].s.host, containers };
  }

  container(idOrName: string): ContainerAnatomy | undefined {
    for (const e of this.entries) {
      const c = e.service.container(idOrName);
      if (c) return tagged(c, e.key);
    }
    return undefined;
  }

  host(): HostAnatomy | undefined {
    return this.entries[0].service.host();
  }

  /** The host side of the engine a container is on. */
  hostOf(idOrName: string): HostAnatomy | undefined {
    return this.engineOf(idOrName)?.service.host();
  }

  onDidChange(listener: (change: AnatomyChange) => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts every engine; one that cannot be reached does not hold up or hide the others. */
  async start(): Promise<void> {
    await Promise.allSettled(this.entries.map((e) => e.service.start()));
  }

  async refresh(): Promise<void> {
    await Promise.allSettled(this.entries.map((e) => e.service.refresh()));
  }

  async refreshContainer(id: string): Promise<ContainerAnatomy | undefined> {
    const e = this.engineOf(id);
    const c = await e?.service.refreshContainer(id);
    return c && e ? tagged(c, e.key) : c;
  }

  engineStats(id: string): Promise<unknown> {
    const s = this.engineOf(id)?.service;
    return s?.engineStats ? s.engineStats(id) : Promise.reject(new Error(`no engine has container ${id}`));
  }

  async refreshUsage(): Promise<void> {
    await Promise.allSettled(this.entries.map((e) => e.service.refreshUsage()));
  }

  pause(): void {
    for (const e of this.entries) e.service.pause();
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.listeners.clear();
    for (const e of this.entries) e.service.dispose();
  }
}

/**
 * From what each engine's host side says. Same: one engine, or both engines' containers are
 * seen in this machine's /proc (so both run on this machine's kernel: two dockerds here can give
 * their containers the host's user or time namespace). Different: the engines report different
 * kernel versions. Otherwise unknown: equal versions do not make one kernel (two VMs of one image).
 */
export function kernelRelation(a: HostAnatomy, b: HostAnatomy): KernelRelation {
  if (a.engine.endpoint === b.engine.endpoint) return 'same';
  if (a.engine.local && b.engine.local) return 'same';
  if (a.engine.kernelVersion && b.engine.kernelVersion && a.engine.kernelVersion !== b.engine.kernelVersion) return 'different';
  return 'unknown';
}
