/**
 * Which catalog topic sits under the cursor in a Compose file: a known key (mostly under
 * services.<name>), or a value whose meaning has its own topic (`pid: host`).
 */
import { Alias, Document, isAlias, isMap, isScalar, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { TextPosition, TextRange, TopicHit } from './dockerfile';

export interface ComposeHit extends TopicHit {
  /** The enclosing service under `services:`, or null at the top level. */
  service: string | null;
  /** Dotted path from the service (or the top level): `pid`, `deploy.resources.limits.memory`. */
  key: string;
  /** The key's scalar value as written (without quotes), or null if it is not a scalar. */
  value: string | null;
}

const FILE_NAME = /^(?:docker-)?compose(?:\.[^\\/]+)?\.ya?ml$/i;

/** compose.yaml, docker-compose.yml, compose.prod.yaml, docker-compose.override.yml, ... (any directory). */
export function isComposeFileName(fileName: string): boolean {
  if (typeof fileName !== 'string') return false;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return FILE_NAME.test(base);
}

/** Service-level keys with a topic `compose.<key>`. */
const SERVICE_KEYS = new Set([
  'image', 'build', 'container_name', 'mem_limit', 'mem_reservation', 'memswap_limit', 'cpus', 'cpu_shares',
  'cpu_quota', 'cpu_period', 'cpuset', 'pids_limit', 'oom_kill_disable', 'shm_size', 'deploy', 'network_mode',
  'networks', 'ports', 'expose', 'pid', 'ipc', 'uts', 'userns_mode', 'cgroup', 'cgroup_parent', 'privileged',
  'cap_add', 'cap_drop', 'security_opt', 'hostname', 'user', 'init', 'stop_signal', 'stop_grace_period', 'sysctls',
  'ulimits', 'volumes', 'read_only',
]);

const TOP_LEVEL_TOPICS: Record<string, string> = {
  services: 'compose.services',
  networks: 'compose.networks.toplevel',
};

/** Values with their own topic, per key. */
const VALUE_TOPICS: Record<string, string[]> = {
  pid: ['host'],
  network_mode: ['host', 'none', 'bridge'],
  ipc: ['host', 'shareable', 'private'],
  uts: ['host'],
  userns_mode: ['host'],
  cgroup: ['host', 'private'],
};

/** Keys whose value may name another service or container to share a namespace with. */
const SHARING_KEYS = new Set(['pid', 'network_mode', 'ipc']);

/** The topic at `position` (zero-based line and UTF-16 character), or null. Never throws. */
export function composeTopicAt(text: string, position: TextPosition): ComposeHit | null {
  if (typeof text !== 'string' || !validPosition(position)) return null;
  try {
    const parsed = parse(text);
    const offset = offsetAt(parsed.lineStarts, text, position);
    if (offset === null || !isMap(parsed.doc.contents)) return null;
    return topLevelHit(parsed.doc, parsed.doc.contents, offset, parsed.lineStarts);
  } catch (err) {
    // A parser failure on odd input means "nothing to explain here", not an error for the user.
    void err;
    return null;
  }
}

interface Parsed {
  text: string;
  doc: Document;
  lineStarts: number[];
}

/** Hovers ask about the same text many times in a row: keep the last parse. */
let last: Parsed | null = null;

function parse(text: string): Parsed {
  if (last?.text !== text) {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
    last = { text, doc: parseDocument(text, { uniqueKeys: false, prettyErrors: false }), lineStarts };
  }
  return last;
}

function topLevelHit(doc: Document, root: YAMLMap, offset: number, lines: number[]): ComposeHit | null {
  for (const pair of root.items) {
    const key = keyOf(pair.key);
    if (key === null || !isScalar(pair.key)) continue;
    if (inside(pair.key, offset)) {
      const topic = TOP_LEVEL_TOPICS[key];
      return topic ? hit(topic, undefined, pair.key, lines, null, key, valueOf(doc, pair.value)) : null;
    }
    if (key === 'services' && isMap(pair.value)) {
      for (const svc of pair.value.items) {
        const name = keyOf(svc.key);
        if (name !== null && isMap(svc.value)) {
          const found = serviceHit(doc, name, svc.value, [], offset, lines);
          if (found) return found;
        }
      }
    }
  }
  return null;
}

function serviceHit(
  doc: Document,
  service: string,
  map: YAMLMap,
  path: string[],
  offset: number,
  lines: number[],
): ComposeHit | null {
  for (const pair of map.items) {
    const name = keyOf(pair.key);
    if (name === null || !isScalar(pair.key)) continue;
    const keyPath = [...path, name];
    const key = keyPath.join('.');
    const value = valueOf(doc, pair.value);
    if (inside(pair.key, offset)) {
      const topic = keyTopic(keyPath);
      return topic ? hit(topic, undefined, pair.key, lines, service, key, value) : null;
    }
    if ((isScalar(pair.value) || isAlias(pair.value)) && inside(pair.value, offset)) {
      const specific = keyPath.length === 1 && value !== null ? valueTopic(name, value) : null;
      return specific ? hit(specific.topic, specific.vars, pair.value, lines, service, key, value) : null;
    }
    if (isMap(pair.value) && keyPath[0] === 'deploy') {
      const found = serviceHit(doc, service, pair.value, keyPath, offset, lines);
      if (found) return found;
    }
  }
  return null;
}

function keyTopic(path: string[]): string | null {
  const [first, second, third] = path;
  if (path.length === 1) return SERVICE_KEYS.has(first) ? `compose.${first}` : null;
  if (first !== 'deploy' || second !== 'resources') return null;
  if (path.length === 2) return 'compose.deploy.resources';
  return third === 'limits' || third === 'reservations' ? `compose.deploy.resources.${third}` : null;
}

function valueTopic(key: string, raw: string): { topic: string; vars?: Record<string, string> } | null {
  const value = raw.trim();
  if (VALUE_TOPICS[key]?.includes(value)) return { topic: `compose.${key}.${value}` };
  const m = /^(service|container):(.+)$/.exec(value);
  if (m && SHARING_KEYS.has(key)) return { topic: `compose.${key}.${m[1]}`, vars: { name: m[2].trim() } };
  return null;
}

function hit(
  topic: string,
  vars: Record<string, string> | undefined,
  node: Scalar | Alias,
  lines: number[],
  service: string | null,
  key: string,
  value: string | null,
): ComposeHit {
  const [start, end] = node.range ?? [0, 0];
  const range: TextRange = { start: positionAt(lines, start), end: positionAt(lines, end) };
  return vars ? { topic, vars, range, service, key, value } : { topic, range, service, key, value };
}

function keyOf(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** A scalar's value as text; an alias (`*mode`) is followed to its anchor. */
function valueOf(doc: Document, node: unknown): string | null {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target) || target.value === null || target.value === undefined) return null;
  const v = target.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : null;
}

/** Half-open over the node's own text (the key or scalar, not the rest of the line). */
function inside(node: Scalar | Alias, offset: number): boolean {
  const r = node.range;
  return !!r && offset >= r[0] && offset < r[1];
}

function validPosition(p: TextPosition | null | undefined): p is TextPosition {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

function offsetAt(lines: number[], text: string, pos: TextPosition): number | null {
  if (pos.line >= lines.length) return null;
  const start = lines[pos.line];
  let end = pos.line + 1 < lines.length ? lines[pos.line + 1] - 1 : text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return start + pos.character <= end ? start + pos.character : null;
}

function positionAt(lines: number[], offset: number): TextPosition {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lines[lo] };
}
