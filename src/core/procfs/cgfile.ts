/**
 * Reading cgroup control files: value formats, sentinels, and the walk from a cgroup up to
 * the root of its mount. `null` always means "unlimited".
 */
import * as path from 'path';
import { fact, isUnavailable, unavailable, type ChainLevel, type Maybe } from '../model';
import { cutShort, isNormalAbsolute, parseKeyValues, parseUint, readTextIn } from './files';

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(why: string): Parsed<T> => ({ ok: false, why });

/** 2^62: any limit this large is one of the kernel's "no limit" values. */
const UNLIMITED_FLOOR = 2n ** 62n;

/**
 * A limit file: "max" (v2), "-1" (v1 reset) and anything >= 2^62 (v1's page-rounded
 * 9223372036854771712, older 9223372036854775807) all mean unlimited.
 */
export function parseLimit(text: string): Parsed<number | null> {
  const t = text.trim();
  if (t === 'max' || t === '-1') return ok(null);
  if (!/^\d+$/.test(t)) return bad(`expected a number, "max" or -1, read ${JSON.stringify(t.slice(0, 40))}`);
  const big = BigInt(t);
  if (big >= UNLIMITED_FLOOR) return ok(null);
  return ok(Number(big));
}

export function parseCount(text: string): Parsed<number> {
  const n = parseUint(text);
  return n === null ? bad(`expected a whole number, read ${JSON.stringify(text.trim().slice(0, 40))}`) : ok(n);
}

/** A weight file: "100" or, for io.weight / io.bfq.weight, "default 100" plus per-device lines. */
export function parseWeight(text: string): Parsed<number> {
  const first = text.split('\n')[0].trim();
  const m = /^(?:default\s+)?(\d+)$/.exec(first);
  return m ? ok(Number(m[1])) : bad(`expected a weight such as "100" or "default 100", read ${JSON.stringify(first.slice(0, 40))}`);
}

/** A CPU or memory-node list ("0-1"); kept as the kernel prints it. */
export function parseList(text: string): Parsed<string> {
  const t = text.trim();
  return /^(\d+(-\d+)?)(,\d+(-\d+)?)*$/.test(t) || t === '' ? ok(t) : bad(`expected a list such as "0-1", read ${JSON.stringify(t.slice(0, 40))}`);
}

/** One key of a "key value" file (memory.stat, cpu.stat, memory.events, memory.oom_control). */
export function keyOf(key: string): (text: string) => Parsed<number> {
  return (text) => {
    const v = parseKeyValues(text).get(key);
    if (v === undefined) return bad(`has no "${key}" line (file cut short, or this kernel does not report it)`);
    const n = parseUint(v);
    return n === null ? bad(`has a "${key}" value that is not a whole number: ${JSON.stringify(v)}`) : ok(n);
  };
}

/** One key of memory.stat read as a limit (hierarchical_memory_limit and friends). */
export function limitKeyOf(key: string): (text: string) => Parsed<number | null> {
  return (text) => {
    const v = parseKeyValues(text).get(key);
    if (v === undefined) return bad(`has no "${key}" line`);
    return parseLimit(v);
  };
}

export type Outcome<T> = { kind: 'value'; value: T } | { kind: 'missing'; reason: string } | { kind: 'bad'; reason: string };

/** Reads and parses `dir/file` without throwing (synchronously: see readTextSync). */
export function readFile<T>(dir: string, file: string, parse: (text: string) => Parsed<T>): Outcome<T> {
  const { path: full, result: r } = readTextIn(dir, file);
  if (!r.ok) return { kind: r.code === 'ENOENT' ? 'missing' : 'bad', reason: r.reason };
  const cut = cutShort(full, r.text);
  if (cut) return { kind: 'bad', reason: cut };
  const p = parse(r.text);
  return p.ok ? { kind: 'value', value: p.value } : { kind: 'bad', reason: `${full}: ${p.why}` };
}

/** `dir/file` as a procfs fact; `missingWhy` explains what a missing file means for this control. */
export function readOwn<T>(dir: string, file: string, parse: (text: string) => Parsed<T>, missingWhy: string): Maybe<T> {
  const o = readFile(dir, file, parse);
  if (o.kind === 'value') return fact(o.value, 'procfs');
  if (o.kind === 'missing') return unavailable(`${o.reason}: ${missingWhy}`);
  return unavailable(o.reason);
}

/**
 * True when `p` is `root` or lies below it, as path.relative(root, p) would say. Every
 * container asks this of each cgroup mount, so normal absolute paths (all of them on a real
 * host) take a string comparison; anything else goes through path.relative. A caller that
 * already knows whether both are in normal form passes it as `bothNormal`.
 */
export function isWithin(root: string, p: string, bothNormal = isNormalAbsolute(root) && isNormalAbsolute(p)): boolean {
  if (bothNormal) return p === root || root === '/' || p.startsWith(root + '/');
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The directories from `dir` up to `stop` (the mount's root directory), both included. */
export function ancestry(dir: string, stop: string): string[] {
  if (isNormalAbsolute(dir) && isNormalAbsolute(stop)) {
    if (!isWithin(stop, dir)) return [dir];
    const out = [dir];
    for (let cur = dir; cur !== stop; ) {
      cur = cur.slice(0, Math.max(cur.lastIndexOf('/'), 1));
      out.push(cur);
    }
    return out;
  }
  const rel = path.relative(stop, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [dir];
  const out = [dir];
  let cur = dir;
  while (path.relative(stop, cur) !== '') {
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
    out.push(cur);
  }
  return out;
}

export function minLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** The cgroup path of `d` as /proc/PID/cgroup names it: `root` (the mount's root) plus d below `stop`. */
export function cgroupPathOf(d: string, stop: string, root = '/'): string {
  let below: string;
  if (d === stop) below = '';
  else if (stop === '/') below = d;
  else if (d.startsWith(stop + '/')) below = d.slice(stop.length);
  else below = '/' + path.relative(stop, d);
  if (below === '') return root || '/';
  return root === '/' || root === '' ? below : root + below;
}

/** Where a walk starts and stops: the container's directory, its mount's directory, and that mount's root path. */
export interface WalkScope {
  dir: string;
  stop: string;
  root?: string;
}

/**
 * Every level from the root cgroup of the mount down to `dir`, each with what `readAt` read
 * there. The container's own value must be readable; an ancestor without the file (the root
 * cgroup, or a controller not enabled there) is a level with no limit (`absent`); an
 * unreadable or malformed ancestor makes the whole chain unavailable.
 */
export function walkChain<L extends { path: string }>(
  s: WalkScope,
  readAt: (d: string, path: string) => Outcome<L>,
  absent: (path: string) => L,
): Maybe<L[]> {
  const dirs = ancestry(s.dir, s.stop);
  const out: L[] = new Array<L>(dirs.length);
  for (let i = 0; i < dirs.length; i++) {
    const p = cgroupPathOf(dirs[i], s.stop, s.root);
    const o = readAt(dirs[i], p);
    if (o.kind === 'value') out[dirs.length - 1 - i] = o.value;
    else if (i === 0 || o.kind === 'bad') return unavailable(o.reason);
    else out[dirs.length - 1 - i] = absent(p);
  }
  return fact(out, 'procfs');
}

/** The chain of one limit file (null = unlimited at that level). */
export function limitChain(s: WalkScope, file: string, parse: (text: string) => Parsed<number | null> = parseLimit): Maybe<ChainLevel<number>[]> {
  return walkChain<ChainLevel<number>>(s, (d, p) => levelOf(readFile(d, file, parse), p), (p) => ({ path: p, value: null }));
}

/** An outcome read at `path` as a chain level. */
export function levelOf<T>(o: Outcome<T | null>, path: string): Outcome<ChainLevel<T>> {
  return o.kind === 'value' ? { kind: 'value', value: { path, value: o.value } } : o;
}

/** The tightest limit of a chain: the smallest value, null when no level sets one. */
export function chainMin(levels: readonly ChainLevel<number>[]): number | null {
  let best: number | null = null;
  for (const l of levels) best = minLimit(best, l.value);
  return best;
}

/** `m` unchanged when it is unavailable, otherwise a fact of `fn(value)` from the same source. */
export function mapFact<T, U>(m: Maybe<T>, fn: (v: T) => U): Maybe<U> {
  return isUnavailable(m) ? m : fact(fn(m.value), m.source);
}
