/**
 * What a hover costs in the editor's extension host: the Compose and Dockerfile lookups on
 * generated files, in process (no engine needed). For each file: the first hover after an
 * edit (a new text each time, so nothing cached) and a repeated hover on the same text.
 */
import { composeTopicAt } from '../src/core/compose';
import { dockerfileTopicAt, type TextPosition } from '../src/core/dockerfile';
import { median } from './stats';

export interface HoverCase {
  name: string;
  bytes: number;
  /** Median wall ms of a hover on a text seen for the first time (every run adds a comment line). */
  firstMs: number;
  /** Median CPU ms (user + system of this process) of the same: what other load on the machine does not inflate. */
  firstCpuMs: number;
  /** Median wall ms of a hover on the same text again. */
  repeatMs: number;
  /** Slowest single hover seen (wall), first or repeated. */
  maxMs: number;
  topic: string | null;
}

export interface HoverResult {
  cases: HoverCase[];
}

/** 1000 services that merge one `x-` block, as in the issue: `<<: *d` then their own key. */
export function composeWithServices(n: number): string {
  let t = 'x-d: &d\n  restart: always\n  mem_limit: 64m\nservices:\n';
  for (let i = 0; i < n; i++) t += `  s${i}:\n    <<: *d\n    image: a\n`;
  return t;
}

/** Services with more keys each, up to `bytes`. */
function composeOfSize(bytes: number): string {
  let t = 'x-d: &d\n  mem_limit: 64m\n  logging: &log\n    driver: json-file\nservices:\n';
  for (let i = 0; t.length < bytes - 300; i++) {
    t += `  svc${i}:\n    <<: *d\n    image: registry.example/app:${i}\n    pid: host\n    logging: *log\n    deploy:\n      resources:\n        limits:\n          memory: 64m\n    environment:\n      A: "\${A:-x}"\n`;
  }
  return t;
}

function dockerfileOfSize(bytes: number): string {
  const stage = 'FROM alpine AS s\nRUN --mount=type=cache,target=/var/cache/apk apk add curl \\\n  && echo done\nCOPY --link --chmod=755 a /b\nADD --checksum=sha256:0 https://example/x /y\nUSER 10001\n';
  let t = '# syntax=docker/dockerfile:1\n';
  while (t.length < bytes) t += stage;
  return t;
}

/** Wall and CPU milliseconds of one call. */
function time(f: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  f();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function measure(name: string, text: string, pos: TextPosition, lookup: (t: string, p: TextPosition) => { topic: string } | null, runs: number): HoverCase {
  const first: number[] = [];
  const firstCpu: number[] = [];
  const repeat: number[] = [];
  let topic: string | null = null;
  lookup(`${text}# warm-up\n`, pos); // the first call also compiles the code
  for (let i = 0; i < runs; i++) {
    // An edit (a comment line added at the end): a new string the caches have not seen.
    const edited = `${text}# edit ${i}\n`;
    const f = time(() => (topic = lookup(edited, pos)?.topic ?? null));
    first.push(f.wall);
    firstCpu.push(f.cpu);
    repeat.push(time(() => lookup(edited, pos)).wall);
  }
  return { name, bytes: text.length, firstMs: median(first), firstCpuMs: median(firstCpu), repeatMs: median(repeat), maxMs: Math.max(...first, ...repeat), topic };
}

export function measureHovers(runs = 15): HoverResult {
  const c1000 = composeWithServices(1000);
  const lines1000 = c1000.split('\n').length;
  const c1m = composeOfSize(1_000_000);
  const d1m = dockerfileOfSize(1_000_000);
  const d5m = dockerfileOfSize(5_000_000);
  const last = (t: string, back: number): number => t.split('\n').length - back;
  return {
    cases: [
      measure('compose, 1000 services with <<: *d, key of the last', c1000, { line: lines1000 - 2, character: 4 }, composeTopicAt, runs),
      measure('compose, 1000 services, key in the x- block they all merge', c1000, { line: 2, character: 3 }, composeTopicAt, runs),
      measure('compose, 1 MB, key of the last service', c1m, { line: last(c1m, 10), character: 5 }, composeTopicAt, runs),
      measure('compose, 1 MB, key in the x- block', c1m, { line: 1, character: 3 }, composeTopicAt, runs),
      measure('Dockerfile, 1 MB, flag of the last instruction', d1m, { line: last(d1m, 4), character: 8 }, dockerfileTopicAt, runs),
      measure('Dockerfile, 5 MB, flag of the last instruction', d5m, { line: last(d5m, 4), character: 8 }, dockerfileTopicAt, Math.max(3, Math.round(runs / 3))),
    ],
  };
}

export function hoverLines(r: HoverResult | undefined): string[] {
  if (!r) return ['Hovers: not measured'];
  const row = (c: HoverCase): string =>
    `  ${c.name.padEnd(60)}${(c.bytes / 1e6).toFixed(2).padStart(6)} MB${c.firstMs.toFixed(2).padStart(9)}${c.firstCpuMs.toFixed(2).padStart(9)}${c.repeatMs.toFixed(2).padStart(9)}${c.maxMs.toFixed(1).padStart(9)}  ${c.topic ?? 'null'}`;
  return [
    `Hovers in process, median ms (target <= 5 ms for compose under 1 MB, <= 50 ms any hover); first = after an edit, again = same text`,
    `  ${''.padEnd(60)}${'size'.padStart(9)}${'first'.padStart(9)}${'1st CPU'.padStart(9)}${'again'.padStart(9)}${'max'.padStart(9)}  topic`,
    ...r.cases.map(row),
  ];
}
