/**
 * Whether, and through which helper container, each engine's kernel facts are read: the
 * person's consent (ask / always / never, per engine), one helper per engine kept while it
 * is used, and the rounds of batched reads that answer the readers.
 */
import type { Engine } from '../engine/connection';
import { withReadCache } from '../procfs/files';
import { chooseImage, commandLine, HelperContainer, HelperError, IDLE_MINUTES } from './container';
import { HelperFiles, helperPath } from './files';
import type { BatchAnswer } from './script';

export type HelperMode = 'ask' | 'always' | 'never';

/** How a person who answered "Never" is asked again (the command that forgets kept answers). */
export const ASK_AGAIN = 'to be asked again, run "Container Anatomy: Forget Helper Container Answers"';
/** Why the helper is not used after the question was closed without an answer, and how to be asked again. */
export const DISMISSED = 'the helper container was not allowed (the question was closed without an answer); to be asked again, press Refresh in the Container Anatomy view';
export type Consent = 'once' | 'always' | 'never';

export interface ConsentRequest {
  endpoint: string;
  /** Why this machine cannot read the facts itself. */
  reason: string;
  image: string;
  /** The equivalent `docker run …` line. */
  command: string;
}

export interface HelperSettings {
  mode: HelperMode;
  /** An image to run instead of the first of busybox, alpine, debian, ubuntu on the engine. */
  image?: string;
  /** Lasting answers per endpoint ("Always for this engine" / "Never"). */
  remembered?: Record<string, 'always' | 'never'>;
  /** Asks the person; undefined (dismissed) counts as not now. Without it, `ask` means no. */
  ask?: (req: ConsentRequest) => Promise<Consent | undefined>;
  /** Stores a lasting answer. */
  remember?: (endpoint: string, answer: 'always' | 'never') => void;
  /** Why the helper is off when mode is never, in the words of where it was turned off (default: the VS Code setting). */
  off?: string;
}

/**
 * More rounds than a snapshot needs: the fixed files, then the cgroup and interface files
 * they name; one when the last snapshot's requests still cover everything.
 */
const MAX_ROUNDS = 8;

interface PerEngine {
  /** null: allowed; a string: why not. Asked once per endpoint while this manager lives. */
  consent?: Promise<string | null>;
  /** What `consent` came to, once it has: null allowed, else why not (DISMISSED: closed without an answer). */
  decided?: string | null;
  helper?: Promise<HelperContainer>;
  /** What the last full read asked for, fetched up front next time (one round when nothing changed). */
  hints: Set<string>;
  idle?: NodeJS.Timeout;
}

/** Reads through one helper container; facts come back with source `helper`. */
export class HelperReader {
  constructor(
    readonly helper: HelperContainer,
    private readonly state: PerEngine,
    private readonly onFailure: () => void,
    private readonly onUse: () => void,
  ) {}

  /**
   * Runs `fn` with the engine host's files, read in rounds (readInRounds). `full` says `fn`
   * reads everything a snapshot needs, so what it used is what the next one asks for up front.
   */
  private early: { files: HelperFiles; ready: Promise<void> } | undefined;

  private newFiles(): HelperFiles {
    const files = new HelperFiles((p) => helperPath(p, this.helper.hostPid));
    files.want(this.state.hints);
    return files;
  }

  /**
   * Starts fetching what the last full read used, while the engine is still answering the
   * inspects the next run needs: the helper's exec and the inspects overlap.
   */
  prefetch(): void {
    const files = this.newFiles();
    const asked = files.take();
    const ready = asked.length ? this.helper.batch(asked).then((a) => files.add(asked, a)) : Promise.resolve();
    ready.catch(() => undefined); // awaited by run()
    this.early = { files, ready };
  }

  async run<T>(fn: () => Promise<T>, full: boolean): Promise<T> {
    const early = this.early;
    this.early = undefined;
    try {
      const files = early?.files ?? this.newFiles();
      await early?.ready;
      const result = await readInRounds(files, (asked) => this.helper.batch(asked), fn);
      this.state.hints = full ? new Set(files.used) : new Set([...this.state.hints, ...files.used]);
      return relabel(result);
    } catch (err) {
      if (err instanceof HelperError) this.onFailure();
      throw err;
    } finally {
      this.onUse();
    }
  }
}

/**
 * Runs `fn` (which must only read files and compute) until it asks for nothing new: each
 * round fetches in one batch what the last pass asked for and did not have.
 */
export async function readInRounds<T>(files: HelperFiles, batch: (requests: string[]) => Promise<BatchAnswer>, fn: () => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    const asked = files.take();
    if (asked.length) files.add(asked, await batch(asked));
    files.newPass();
    const result = await withReadCache(fn, files);
    if (!files.pending() || round + 1 >= MAX_ROUNDS) return result;
  }
}

/** Every `source: 'procfs'` in `value` becomes `helper`: those files were read by the helper. */
export function relabel<T>(value: T): T {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach(walk);
    else {
      const o = v as Record<string, unknown>;
      if (o.source === 'procfs' && 'value' in o) o.source = 'helper';
      for (const k of Object.keys(o)) walk(o[k]);
    }
  };
  walk(value);
  return value;
}

export class HelperManager {
  private readonly engines = new Map<string, PerEngine>();

  constructor(private settings: HelperSettings) {}

  /**
   * New settings: earlier refusals that came from the mode are forgotten; an answer given once
   * stands, unless the kept answer for its engine changed (given, or forgotten by the command).
   */
  configure(settings: HelperSettings): void {
    const modeChanged = settings.mode !== this.settings.mode || settings.image !== this.settings.image;
    const before = this.settings.remembered ?? {};
    const after = settings.remembered ?? {};
    this.settings = settings;
    // A kept answer that changed or was forgotten is asked about (or applied) anew; others stand.
    for (const [endpoint, s] of this.engines) if (modeChanged || before[endpoint] !== after[endpoint]) this.undecide(s);
  }

  /**
   * Questions closed without an answer are asked again the next time the helper is needed (a
   * refresh, the Forget command). Answers given stand.
   */
  askAgainIfDismissed(): void {
    this.askAgain((why) => why === DISMISSED);
  }

  /** Every refusal is decided anew (the kept answers were forgotten); an engine allowed stays allowed. */
  askAgainIfRefused(): void {
    this.askAgain(() => true);
  }

  private askAgain(which: (why: string) => boolean): void {
    for (const s of this.engines.values()) if (typeof s.decided === 'string' && which(s.decided)) this.undecide(s);
  }

  /** The next read decides anew. */
  private undecide(s: PerEngine): void {
    s.consent = undefined;
    s.decided = undefined;
  }

  private stateOf(endpoint: string): PerEngine {
    let s = this.engines.get(endpoint);
    if (!s) this.engines.set(endpoint, (s = { hints: new Set() }));
    return s;
  }

  /**
   * A reader for `engine`, or why the helper is not used. `reason` says why this machine
   * cannot read the facts itself (shown when asking).
   */
  async reader(engine: Engine, reason: string): Promise<HelperReader | string> {
    const endpoint = engine.choice.endpoint;
    const s = this.stateOf(endpoint);
    if (!s.consent) {
      const asked: Promise<string | null> = this.consent(engine, reason).then((r) => {
        if (s.consent === asked) s.decided = r; // not one set aside meanwhile
        return r;
      });
      s.consent = asked;
    }
    const refused = await s.consent;
    if (refused !== null) return refused;
    if (!s.helper) {
      s.helper = chooseImage(engine, this.settings.image).then((image) => HelperContainer.ensure(engine, image));
      s.helper.catch(() => undefined);
    }
    let helper: HelperContainer;
    try {
      helper = await s.helper;
    } catch (err) {
      s.helper = undefined;
      return `the helper container could not be started: ${(err as Error).message}`;
    }
    return new HelperReader(
      helper,
      s,
      () => (s.helper = undefined),
      () => this.touch(s, helper),
    );
  }

  private async consent(engine: Engine, reason: string): Promise<string | null> {
    const endpoint = engine.choice.endpoint;
    const { mode, remembered, ask, remember, off } = this.settings;
    if (mode === 'never') return off ?? 'the helper container is turned off (containerAnatomy.helper.mode is "never")';
    // The setting is a later, deliberate choice than an answer once given to the question.
    if (mode === 'always') return null;
    const lasting = remembered?.[endpoint];
    // Where answers are kept (VS Code), the reason says how to be asked again.
    const refused = `the helper container was refused for ${endpoint} ("Never")${remember ? `; ${ASK_AGAIN}` : ''}`;
    if (lasting === 'never') return refused;
    if (lasting === 'always') return null;
    if (!ask) return 'the helper container needs consent: allow it when asked, set containerAnatomy.helper.mode to "always", or run the CLI with --helper=always';
    let image: string;
    try {
      image = await chooseImage(engine, this.settings.image);
    } catch (err) {
      return (err as Error).message;
    }
    const answer = await ask({ endpoint, reason, image, command: commandLine(image, await engine.info()) });
    if (answer === 'always' || answer === 'never') remember?.(endpoint, answer);
    if (answer === 'once' || answer === 'always') return null;
    return answer === 'never' ? refused : DISMISSED;
  }

  /** A used helper is removed after ten idle minutes (it also exits by itself then). */
  private touch(s: PerEngine, helper: HelperContainer): void {
    if (s.idle) clearTimeout(s.idle);
    s.idle = setTimeout(() => {
      s.idle = undefined;
      s.helper = undefined;
      void helper.remove();
    }, IDLE_MINUTES * 60_000);
    s.idle.unref?.();
  }

  /** Removes every helper this manager started or used. */
  async dispose(): Promise<void> {
    const all = [...this.engines.values()];
    this.engines.clear();
    await Promise.all(
      all.map(async (s) => {
        if (s.idle) clearTimeout(s.idle);
        const h = await s.helper?.catch(() => undefined);
        await h?.remove();
      }),
    );
  }
}
