/**
 * container-anatomy: the terminal face of the core.
 *
 *   container-anatomy [--json] [--all] [--evidence] [CONTAINER...]
 *   container-anatomy diff A [B]          (B defaults to the host)
 *   container-anatomy host
 *
 * Exit codes: 0 ok, 1 engine unreachable, 2 usage error, 3 container not found,
 * 4 some containers could not be read (the others are printed in full, those with the reason).
 * 5 a container to diff is not running (it has no namespaces).
 */
import * as os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { resolveLang, type Lang } from './core/catalog/index';
import { containerSide, hostSide } from './core/diff';
import { diffWithEvidence, evidenceOptionsFor, evidenceOptionsForPair, readEvidence } from './core/evidence';
import { connectEngine, DEFAULT_TIMEOUT_MS, type Engine } from './core/engine/connection';
import { listContexts, resolveEndpoint } from './core/engine/endpoint';
import { engineSpecs, kernelRelation, overridesOf, type EngineSpec } from './core/engines';
import { EngineError, toEngineError } from './core/engine/errors';
import { HelperManager, type Consent, type ConsentRequest, type HelperMode } from './core/helper/manager';
import { matchesRef, takeSnapshot } from './core/snapshot';
import type { ContainerAnatomy, Evidence, Snapshot } from './core/model';
import { hasProcess } from './core/model';
import { renderContainer, renderDiff, renderHost, renderSwarm, safe, type ReportOptions } from './core/text-report';
import { translator, type Translate } from './core/i18n';
import { localizeReason } from './core/reasons';
import { oneScopeAtATime } from './core/procfs/files';

export const EXIT = { ok: 0, unreachable: 1, usage: 2, notFound: 3, partial: 4, notRunning: 5 } as const;

/** Why the helper container is not used, as the command line turned it off. */
export const HELPER_OFF_FLAG = 'the helper container is turned off (--helper=never)';
export const HELPER_OFF_NO_TERMINAL = 'the helper container is turned off: --helper=ask asks only on a terminal, and there is none; run with --helper=always to use it';

const USAGE = `Usage:
  container-anatomy [options] [CONTAINER...]   anatomy of running containers (or the ones named)
  container-anatomy diff A [B] [options]       namespaces of A against B, or against the host,
                                               with what each side sees in each
  container-anatomy host [options]             this machine's side: namespaces, cgroups, bridges

Options:
  --json             print the model as JSON (see README, "The JSON model")
  -a, --all          include stopped containers
  --explain          add a one-line explanation under each row
  --evidence         add what each container sees in its namespaces (read now, from the kernel)
  --lang en|ko       language of the explanations (default: from LANG)
  -H, --host URL     engine endpoint, like DOCKER_HOST (unix://, tcp://, ssh://)
  -c, --context NAME docker context to use
  --engine ENGINE    an engine (endpoint or docker context name); give it more than once
                     to show several engines, grouped by engine
  --all-engines      every docker context, grouped by engine
  --helper MODE      always | ask | never: read kernel facts through a helper container
                     when this machine cannot (default ask: asks on a terminal, else never)
  --helper-image IMG image for the helper (default: busybox, alpine, debian or ubuntu on the engine)
  --timeout SECONDS  how long any one engine request may take (default 10)
  --no-color         never colour the output
  -h, --help         this text
`;

export interface CliArgs {
  command: 'show' | 'diff' | 'host' | 'help';
  refs: string[];
  json: boolean;
  all: boolean;
  explain: boolean;
  evidence: boolean;
  lang: Lang;
  host?: string;
  context?: string;
  /** --engine, in order (endpoints or context names). */
  engines: string[];
  allEngines: boolean;
  color: boolean;
  helper: HelperMode;
  helperImage?: string;
  /** Deadline of each engine request, in ms. */
  timeoutMs: number;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean): CliArgs {
  const a: CliArgs = {
    command: 'show',
    refs: [],
    json: false,
    all: false,
    explain: false,
    evidence: false,
    lang: resolveLang('auto', env.LC_ALL || env.LC_MESSAGES || env.LANG),
    color: isTty && !env.NO_COLOR,
    helper: 'ask',
    timeoutMs: DEFAULT_TIMEOUT_MS,
    engines: [],
    allEngines: false,
  };
  const rest = [...argv];
  if (rest[0] === 'diff' || rest[0] === 'host') a.command = rest.shift() as 'diff' | 'host';
  while (rest.length) {
    const arg = rest.shift() as string;
    const value = (): string => {
      const v = rest.shift();
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = (): string => inline ?? value();
    switch (flag) {
      case '--json':
        a.json = true;
        break;
      case '-a':
      case '--all':
        a.all = true;
        break;
      case '--explain':
        a.explain = true;
        break;
      case '--evidence':
        a.evidence = true;
        break;
      case '--lang': {
        const l = take();
        if (l !== 'en' && l !== 'ko') throw new UsageError(`--lang takes en or ko, not "${l}"`);
        a.lang = l;
        break;
      }
      case '-H':
      case '--host':
        a.host = take();
        break;
      case '-c':
      case '--context':
        a.context = take();
        break;
      case '--engine':
        a.engines.push(take());
        break;
      case '--all-engines':
        a.allEngines = true;
        break;
      case '--helper': {
        const m = take();
        if (m !== 'always' && m !== 'ask' && m !== 'never') throw new UsageError(`--helper takes always, ask or never, not "${m}"`);
        a.helper = m;
        break;
      }
      case '--helper-image':
        a.helperImage = take();
        break;
      case '--timeout': {
        const v = take();
        const seconds = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(seconds > 0)) throw new UsageError(`--timeout takes a number of seconds above 0, not "${v}"`);
        a.timeoutMs = Math.round(seconds * 1000);
        break;
      }
      case '--no-color':
        a.color = false;
        break;
      case '-h':
      case '--help':
        a.command = 'help';
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        a.refs.push(arg);
    }
  }
  if (a.json) a.color = false;
  if ((a.engines.length || a.allEngines) && (a.host || a.context)) throw new UsageError('give engines either with -H/--context or with --engine/--all-engines');
  if (a.command === 'diff' && (a.refs.length < 1 || a.refs.length > 2)) throw new UsageError('diff takes one or two containers');
  if (a.command === 'host' && a.refs.length) throw new UsageError('host takes no containers');
  return a;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Asks on the terminal whether the helper container may run; `ask` without a terminal means no. */
function terminalConsent(io: Io): (req: ConsentRequest) => Promise<Consent | undefined> {
  return async (req) => {
    io.err(
      `container-anatomy: this machine cannot read the kernel's facts for ${req.endpoint}:\n  ${req.reason}\n` +
        `A helper container on that engine can read them. It would run:\n  ${req.command}\n`,
    );
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = (await rl.question('Allow it? [o]nce / [n]ever (default never): ')).trim().toLowerCase();
      return answer === 'o' || answer === 'once' || answer === 'y' || answer === 'yes' ? 'once' : 'never';
    } finally {
      rl.close();
    }
  };
}

export async function run(argv: string[], env: NodeJS.ProcessEnv, io: Io, isTty: boolean, stdinTty = false): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv, env, isTty);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`container-anatomy: ${e.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  // One manager for every engine: it keeps the helper and the consent per endpoint.
  const noTerminal = args.helper === 'ask' && !(isTty || stdinTty);
  const helpers = new HelperManager({
    mode: noTerminal ? 'never' : args.helper,
    // Said in the command line's words, not the VS Code setting's.
    off: noTerminal ? HELPER_OFF_NO_TERMINAL : HELPER_OFF_FLAG,
    ...(args.helperImage ? { image: args.helperImage } : {}),
    ...(args.helper === 'ask' && stdinTty ? { ask: terminalConsent(io) } : {}),
  });
  const entries = args.allEngines ? listContexts(env, os.homedir()).map((c) => c.name) : args.engines;
  const specs = entries.length ? engineSpecs(overridesOf(entries[0]), entries.slice(1), env, os.homedir()) : [];
  if (specs.length > 1) return runEngines(specs, args, io, helpers, env);
  let engine: Engine | undefined;
  try {
    const overrides = specs.length ? specs[0].overrides : { ...(args.host ? { host: args.host } : {}), ...(args.context ? { context: args.context } : {}) };
    const choice = resolveEndpoint(env, os.homedir(), overrides);
    engine = await connectEngine(choice, { timeoutMs: args.timeoutMs });
    // The helper stays for the next run (it exits by itself after ten idle minutes).
    return await runWith(engine, args, io, helpers);
  } catch (err) {
    const e = err instanceof EngineError ? err : toEngineError(err, engine?.choice.endpoint ?? '');
    io.err(`container-anatomy: ${localizeReason(e.message, args.lang)}${e.hint ? `\n  ${localizeReason(e.hint, args.lang)}` : ''}\n`);
    return e.code === 'not-found' ? EXIT.notFound : EXIT.unreachable;
  } finally {
    engine?.dispose();
  }
}

/** Why a stopped container cannot be compared; an exited one has run and gets namespaces again when it starts again. */
function notRunningText(c: ContainerAnatomy, t: Translate): string {
  return t(c.state === 'created' ? '{0} is {1}: it has no processes, so it has no namespaces to compare until it starts' : '{0} is {1}: it has no processes, so it has no namespaces to compare until it starts again', safe(c.name), t(c.state));
}

async function runWith(engine: Engine, args: CliArgs, io: Io, helpers: HelperManager): Promise<number> {
  const o: ReportOptions = { color: args.color, explain: args.explain, lang: args.lang };
  const { snapshot, missing } = await takeSnapshot(engine, { all: args.all, only: args.refs, hostOnly: args.command === 'host', helpers });
  if (missing.length && args.command !== 'host') {
    io.err(`container-anatomy: ${translator(args.lang)('no such container: {0}', missing.join(', '))}\n`);
    return EXIT.notFound;
  }
  if (args.command === 'host') {
    io.out(args.json ? JSON.stringify({ host: snapshot.host }, null, 2) + '\n' : renderHost(snapshot.host, o) + '\n');
    return EXIT.ok;
  }
  if (args.command === 'diff') {
    const [a, b] = args.refs.map((r) => snapshot.containers.find((c) => matchesRef(c, r)));
    if (!a || (args.refs[1] && !b)) {
      io.err(`container-anatomy: ${translator(args.lang)('no such container: {0}', !a ? args.refs[0] : args.refs[1])}\n`);
      return EXIT.notFound;
    }
    // A stopped container has no namespaces: say so once instead of eight "unknown" rows.
    const stopped = [a, b].find((c): c is ContainerAnatomy => !!c && !hasProcess(c.state));
    if (stopped) {
      io.err(`container-anatomy: ${notRunningText(stopped, translator(args.lang))}\n`);
      return EXIT.notRunning;
    }
    const d = await diffWithEvidence(containerSide(a), b ? containerSide(b) : hostSide(snapshot.host), evidenceOptionsFor(snapshot.host));
    io.out(args.json ? JSON.stringify(d, null, 2) + '\n' : renderDiff(d, o) + '\n');
    return EXIT.ok;
  }
  const unread = snapshot.containers.filter((c) => c.readFailure);
  for (const c of unread) io.err(`container-anatomy: ${localizeReason(c.readFailure ?? '', args.lang)}\n`);
  const code = unread.length ? EXIT.partial : EXIT.ok;
  const evidence: Record<string, Evidence> = {};
  if (args.evidence) {
    const opts = evidenceOptionsFor(snapshot.host);
    for (const c of snapshot.containers) evidence[c.id] = (await readEvidence(containerSide(c), hostSide(snapshot.host), opts))[0];
  }
  if (args.json) {
    io.out(JSON.stringify(args.evidence ? { ...snapshot, evidence } : snapshot, null, 2) + '\n');
    return code;
  }
  const blocks = [renderHost(snapshot.host, o), ...(snapshot.swarm ? [renderSwarm(snapshot.swarm, o)] : []), ...snapshot.containers.map((c) => renderContainer(c, o, evidence[c.id]))];
  const t = translator(args.lang);
  if (!snapshot.containers.length) blocks.push(args.all ? t('No containers on this engine.') : t('No running containers (use --all to include stopped ones).'));
  io.out(blocks.join('\n\n') + '\n');
  return code;
}

/** One engine's part of a several-engine run: its snapshot, or why it could not be read. */
interface EngineRead {
  spec: EngineSpec;
  snapshot?: Snapshot;
  missing: string[];
  error?: EngineError;
}

async function readEngine(spec: EngineSpec, args: CliArgs, helpers: HelperManager, env: NodeJS.ProcessEnv): Promise<EngineRead> {
  let engine: Engine | undefined;
  try {
    engine = await connectEngine(resolveEndpoint(env, os.homedir(), spec.overrides), { timeoutMs: args.timeoutMs });
    // Containers named on the command line are looked for on every engine, so read them all and pick.
    const { snapshot } = await takeSnapshot(engine, { all: args.all || args.refs.length > 0, hostOnly: args.command === 'host', helpers });
    return { spec, snapshot, missing: [] };
  } catch (err) {
    return { spec, missing: [], error: err instanceof EngineError ? err : toEngineError(err, engine?.choice.endpoint ?? spec.key) };
  } finally {
    engine?.dispose();
  }
}

/**
 * Several engines (--engine more than once, or --all-engines), read at once; the output is
 * grouped by engine, and one engine that cannot be reached says why without hiding the others.
 * Exit 1 only when none answers; 4 when some do not (or some containers could not be read).
 */
async function runEngines(specs: EngineSpec[], args: CliArgs, io: Io, helpers: HelperManager, env: NodeJS.ProcessEnv): Promise<number> {
  const o: ReportOptions = { color: args.color, explain: args.explain, lang: args.lang };
  const t = translator(args.lang);
  const reads = await Promise.all(specs.map((s) => readEngine(s, args, helpers, env)));
  const ok = reads.filter((r): r is EngineRead & { snapshot: Snapshot } => r.snapshot !== undefined);
  for (const r of reads) if (r.error) io.err(`container-anatomy: ${r.spec.label}: ${localizeReason(r.error.message, args.lang)}${r.error.hint ? `\n  ${localizeReason(r.error.hint, args.lang)}` : ''}\n`);
  if (!ok.length) return EXIT.unreachable;
  const find = (ref: string): { c: ContainerAnatomy; r: (typeof ok)[number] } | undefined => {
    for (const r of ok) {
      const c = r.snapshot.containers.find((x) => matchesRef(x, ref));
      if (c) return { c, r };
    }
    return undefined;
  };
  const missing = args.refs.filter((ref) => !find(ref));
  if (missing.length && args.command !== 'host') {
    io.err(`container-anatomy: ${t('no such container on any engine: {0}', missing.join(', '))}\n`);
    return EXIT.notFound;
  }
  if (args.command === 'diff') {
    const a = find(args.refs[0]) as NonNullable<ReturnType<typeof find>>;
    const b = args.refs[1] ? find(args.refs[1]) : undefined;
    const stopped = [a.c, b?.c].find((c): c is ContainerAnatomy => !!c && !hasProcess(c.state));
    if (stopped) {
      io.err(`container-anatomy: ${notRunningText(stopped, t)}\n`);
      return EXIT.notRunning;
    }
    const ha = a.r.snapshot.host;
    const hb = b ? b.r.snapshot.host : ha;
    const kernels = b && b.r !== a.r ? kernelRelation(ha, hb) : undefined;
    const d = await diffWithEvidence(containerSide(a.c), b ? containerSide(b.c) : hostSide(ha), evidenceOptionsForPair(ha, hb), kernels);
    io.out(args.json ? JSON.stringify(d, null, 2) + '\n' : renderDiff(d, o) + '\n');
    return reads.length === ok.length ? EXIT.ok : EXIT.partial;
  }
  const only = (s: Snapshot): ContainerAnatomy[] =>
    args.refs.length ? s.containers.filter((c) => args.refs.some((ref) => matchesRef(c, ref))) : s.containers.filter((c) => args.all || c.state === 'running');
  const unread = ok.flatMap((r) => only(r.snapshot).filter((c) => c.readFailure));
  for (const c of unread) io.err(`container-anatomy: ${localizeReason(c.readFailure ?? '', args.lang)}\n`);
  const code = unread.length || reads.length !== ok.length ? EXIT.partial : EXIT.ok;
  if (args.json) {
    const engines = reads.map((r) =>
      r.snapshot
        ? { endpoint: r.spec.key, label: r.spec.label, snapshot: args.command === 'host' ? { host: r.snapshot.host } : { ...r.snapshot, containers: only(r.snapshot) } }
        : { endpoint: r.spec.key, label: r.spec.label, unreachable: r.error?.message ?? '' },
    );
    io.out(JSON.stringify({ schemaVersion: 1, engines }, null, 2) + '\n');
    return code;
  }
  const blocks = reads.map((r) => {
    const head = `=== ${safe(r.spec.label)}${r.spec.label !== r.spec.key ? ` (${safe(r.spec.key)})` : ''} ===`;
    if (!r.snapshot) return `${head}\n${t('unreachable: {0}', localizeReason(r.error?.message ?? '', args.lang))}`;
    if (args.command === 'host') return `${head}\n${renderHost(r.snapshot.host, o)}`;
    const list = only(r.snapshot);
    const body = [renderHost(r.snapshot.host, o), ...list.map((c) => renderContainer(c, o))];
    if (!list.length) body.push(args.all ? t('No containers on this engine.') : t('No running containers (use --all to include stopped ones).'));
    return `${head}\n${body.join('\n\n')}`;
  });
  io.out(blocks.join('\n\n') + '\n');
  return code;
}

/**
 * A reader that stops early (`| head`, `| less` quit, `| jq` failing) closes the pipe: that is
 * the reader's choice, not an error of ours. stdout closed ends the run quietly with 0, as
 * `docker` does; stderr closed only loses the message, the exit code still says what happened.
 */
function quietOnClosedPipes(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    process.exitCode = EXIT.unreachable;
  });
  process.stderr.on('error', () => {
    // Nowhere left to say anything; keep the exit code already set.
  });
}

/** The command as a process runs it: this process's arguments, environment and terminal. */
export function main(): void {
  quietOnClosedPipes();
  // Only this command runs in this process: its snapshots need no AsyncLocalStorage (see files.ts).
  oneScopeAtATime();
  run(process.argv.slice(2), process.env, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, !!process.stdout.isTTY, !!process.stdin.isTTY).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`container-anatomy: unexpected error: ${(err as Error).stack ?? err}\n`);
      process.exitCode = EXIT.unreachable;
    },
  );
}

// dist/cli.js (cli-start.ts) calls main(); run directly, this file starts by itself.
if (require.main === module) main();
