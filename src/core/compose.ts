/**
 * Which catalog topic sits under the cursor in a Compose file: a known key (under
 * services.<name>, or in a top-level `x-` block whose keys services take with `<<:`), or a
 * value whose meaning has its own topic (`pid: host`, `${VAR}`).
 *
 * Large files are not parsed whole: the lookup cuts out the top-level block (or the one
 * service) under the cursor plus the blocks that define the anchors it uses, and parses
 * only that (see compose-window.ts). Values are read only once the cursor's key is found.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, Node, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import { composeWindow, lineStartsOf, normaliseLineEnds, positionIn as positionAt, wholeWindow, type ComposeWindow } from './compose-window';
import type { TextPosition, TextRange, TopicHit } from './dockerfile';

export interface ComposeHit extends TopicHit {
  /** The enclosing service under `services:`, or null at the top level and in `x-` blocks. */
  service: string | null;
  /** Dotted path from the service (or the top level): `pid`, `deploy.resources.limits.memory`. */
  key: string;
  /** The key's scalar value as written (without quotes), or null if it is not a scalar. */
  value: string | null;
  /**
   * When the cursor is in a top-level `x-` block: the block's name and the services of this
   * file that take the hovered setting from it (by `<<:` merge or by alias), in file order.
   */
  extension?: {
    block: string;
    services: string[];
    /** True: these services take the hovered key from the block; false: they use the block (named by their aliases). */
    takesKey: boolean;
  };
}

/** Compose's own names (compose.yaml, docker-compose.override.yml) and the variants people use: docker-compose-dev.yml, compose.prod.yaml, metricbeat-compose.yml. */
const FILE_NAME = /^[^\\/]*compose[^\\/]*\.ya?ml$/i;

/** True for a YAML file whose name contains "compose" (any directory). */
export function isComposeFileName(fileName: string): boolean {
  if (typeof fileName !== 'string') return false;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return FILE_NAME.test(base);
}

/** VS Code (or the Docker extension) already says this is a Compose file, or its name does. */
export function isComposeDocument(languageId: string, fileName: string): boolean {
  return languageId === 'dockercompose' || isComposeFileName(fileName);
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

const MERGE_KEY = '<<';

/** The topic at `position` (zero-based line and UTF-16 character), or null. Never throws. */
export function composeTopicAt(text: string, position: TextPosition): ComposeHit | null {
  return lookup(text, position, false);
}

/** The lookup over the whole file, without cutting it: what the cut-out must always agree with (tests). */
export function composeTopicAtWhole(text: string, position: TextPosition): ComposeHit | null {
  return lookup(text, position, true);
}

function lookup(text: string, position: TextPosition, whole: boolean): ComposeHit | null {
  if (typeof text !== 'string' || !validPosition(position)) return null;
  try {
    const source = prepared(text);
    const offset = offsetAt(source.lineStarts, source.text, position);
    if (offset === null) return null;
    if (whole) return hitIn(wholeWindow(source.text, source.lineStarts), offset, source.lineStarts);
    const window = composeWindow(source.text, source.lineStarts, position.line);
    return window && hitIn(window, offset);
  } catch (err) {
    // A parser failure on odd input means "nothing to explain here", not an error for the user.
    void err;
    return null;
  }
}

/** The top-level `name:` of a Compose file (the project name it asks for), or null. Never throws. */
export function composeFileProjectName(text: string): string | null {
  if (typeof text !== 'string') return null;
  try {
    const source = prepared(text);
    const window = composeWindow(source.text, source.lineStarts, -1, 'name');
    if (!window) return null;
    const root = parsed(window.text).doc.contents;
    if (!isMap(root)) return null;
    const value = root.items.find((p) => keyOf(p.key) === 'name')?.value;
    return isScalar(value) && typeof value.value === 'string' && value.value.trim() ? value.value.trim() : null;
  } catch (err) {
    void err;
    return null;
  }
}

/** Deeper flow nesting (`[[[[…`) than this is not parsed in a hover: the parser slows to seconds. */
const MAX_FLOW_DEPTH = 256;

/** Whether `[`/`{` nest deeper than MAX_FLOW_DEPTH anywhere (quotes ignored: a cheap upper bound). */
function tooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

interface Source {
  text: string;
  lineStarts: number[];
}

/** Hovers ask about the same text many times in a row: keep the last one's line table. */
let lastSource: { raw: string; source: Source } | null = null;

function prepared(raw: string): Source {
  if (lastSource?.raw !== raw) {
    // A lone CR ends a line for VS Code; YAML reads it as CR LF would be read. Same length: offsets hold.
    const text = normaliseLineEnds(raw);
    lastSource = { raw, source: { text, lineStarts: lineStartsOf(text) } };
  }
  return lastSource.source;
}

interface Parsed {
  text: string;
  doc: Document;
  lineStarts: number[];
  /** Alias -> the node it stands for (the last anchor of that name before it), built on first use. */
  targets?: Map<Alias, Node>;
}

/** The last few parses (whole file or cut-outs), newest last. */
const cache: Parsed[] = [];
const CACHE_SIZE = 8;

function parsed(text: string, lineStarts?: number[]): Parsed {
  const i = cache.findIndex((p) => p.text === text);
  if (i >= 0) {
    const [p] = cache.splice(i, 1);
    cache.push(p);
    return p;
  }
  const p: Parsed = {
    text,
    doc: parseDocument(tooDeep(text) ? '' : text, { uniqueKeys: false, prettyErrors: false }),
    lineStarts: lineStarts ?? lineStartsOf(text),
  };
  cache.push(p);
  if (cache.length > CACHE_SIZE) cache.shift();
  return p;
}

/** Runs the lookup on a cut-out (or the whole text) and maps the answer back to the file's lines. */
function hitIn(window: ComposeWindow, offset: number, lineStarts?: number[]): ComposeHit | null {
  const p = parsed(window.text, lineStarts);
  const local = window.toLocal(offset, p.lineStarts);
  if (local === null || !isMap(p.doc.contents)) return null;
  const found = topLevelHit(new Lookup(p), p.doc.contents, local);
  if (!found) return null;
  if (found.extension && window.usersByText) found.extension = { ...found.extension, services: window.usersByText, takesKey: false };
  return { ...found, range: window.toFile(found.range) };
}

/** One lookup over one parse: resolves aliases and merges lazily. */
class Lookup {
  constructor(readonly p: Parsed) {}

  /** The node an alias stands for: the last node with that anchor before it (YAML's rule). */
  target(alias: Alias): Node | undefined {
    if (!this.p.targets) {
      const targets = new Map<Alias, Node>();
      const anchors = new Map<string, Node>();
      visit(this.p.doc, {
        Node: (_k, node) => {
          if (isAlias(node)) {
            const t = anchors.get(node.source);
            if (t) targets.set(node, t);
          } else if (node.anchor) anchors.set(node.anchor, node);
        },
      });
      this.p.targets = targets;
    }
    return this.p.targets.get(alias);
  }

  /** Follows aliases (a chain of them, bounded) to the node itself. */
  deref(node: unknown): unknown {
    for (let i = 0; i < 16 && isAlias(node); i++) node = this.target(node);
    return isAlias(node) ? undefined : node;
  }

  /** A scalar's value as text; an alias (`*mode`) is followed to its anchor. */
  valueOf(node: unknown): string | null {
    const target = this.deref(node);
    if (!isScalar(target) || target.value === null || target.value === undefined) return null;
    const v = target.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : null;
  }

  /** The maps a `<<:` value merges, in precedence order (`<<: [*a, *b]`: a first). */
  mergeSources(value: unknown): YAMLMap[] {
    const items = isSeq(value) ? value.items : [value];
    return items.map((n) => this.deref(n)).filter((n): n is YAMLMap => isMap(n));
  }

  /**
   * The map that supplies `key` to `map` after merges: `map` itself if it sets the key, else
   * the first merge source that supplies it (merges are shallow: only top-level keys count).
   */
  supplier(map: YAMLMap, key: string, seen = new Set<YAMLMap>()): YAMLMap | null {
    // Each map is looked at once: merges of merges (`<<: [*a, *a, …]` nested) stay linear.
    if (seen.has(map)) return null;
    seen.add(map);
    let merged: YAMLMap | null = null;
    for (const pair of map.items) {
      const k = keyOf(pair.key);
      if (k === key) return map;
      if (k === MERGE_KEY && merged === null) {
        for (const src of this.mergeSources(pair.value)) {
          merged = this.supplier(src, key, seen);
          if (merged) break;
        }
      }
    }
    return merged;
  }
}

type Found = Omit<ComposeHit, 'range'> & { range: TextRange };

function topLevelHit(look: Lookup, root: YAMLMap, offset: number): Found | null {
  for (const pair of root.items) {
    const key = keyOf(pair.key);
    if (key === null || !isScalar(pair.key) || !inSpan(pair.key, pair.value, offset)) continue;
    if (inside(pair.key, offset)) {
      if (key.startsWith('x-')) {
        const services = usersOf(look, root, [pair.value as Node]).map((u) => u.service);
        return hit(look, 'compose.extension', { block: key }, pair.key, null, key, null, { block: key, services, takesKey: false });
      }
      const topic = TOP_LEVEL_TOPICS[key];
      return topic ? hit(look, topic, undefined, pair.key, null, key, look.valueOf(pair.value)) : null;
    }
    if (key === 'services' && isMap(pair.value)) {
      for (const svc of pair.value.items) {
        const name = keyOf(svc.key);
        if (name !== null && isScalar(svc.key) && isMap(svc.value) && inSpan(svc.key, svc.value, offset)) {
          return serviceHit(look, name, svc.value, [], offset);
        }
      }
    }
    if (key.startsWith('x-')) return extensionHit(look, root, key, pair.value, offset);
    if (key === 'networks' && isMap(pair.value)) return networkKeyHit(look, pair.value, offset);
    return null;
  }
  return null;
}

/** Keys of a top-level network with a topic of their own. */
const NETWORK_KEY_TOPICS: Record<string, string> = { internal: 'compose.networks.internal' };

/** A key inside one of the top-level networks (`networks: {back: {internal: true}}`). */
function networkKeyHit(look: Lookup, networks: YAMLMap, offset: number): Found | null {
  for (const net of networks.items) {
    const netName = keyOf(net.key);
    if (netName === null || !isScalar(net.key) || !isMap(net.value) || !inSpan(net.key, net.value, offset)) continue;
    for (const pair of net.value.items) {
      const name = keyOf(pair.key);
      const topic = name === null ? undefined : NETWORK_KEY_TOPICS[name];
      if (topic && isScalar(pair.key) && inside(pair.key, offset)) return hit(look, topic, undefined, pair.key, null, `networks.${netName}.${name}`, look.valueOf(pair.value));
    }
  }
  return null;
}

function serviceHit(look: Lookup, service: string, map: YAMLMap, path: string[], offset: number): Found | null {
  for (const pair of map.items) {
    const name = keyOf(pair.key);
    if (name === null || !isScalar(pair.key) || !inSpan(pair.key, pair.value, offset)) continue;
    const keyPath = [...path, name];
    if (name === MERGE_KEY) return mergeHit(look, pair.key, pair.value, offset, service, path);
    if (inside(pair.key, offset)) {
      const topic = keyTopic(keyPath);
      return topic ? hit(look, topic, undefined, pair.key, service, keyPath.join('.'), look.valueOf(pair.value)) : null;
    }
    const nested = mergePairAt(pair.value, offset);
    if (nested) return mergeHit(look, nested.key, nested.value, offset, service, keyPath);
    const scalar = scalarAt(pair.value, offset);
    if (scalar) {
      const value = look.valueOf(scalar);
      const specific = value === null ? null : valueTopic(name, value, keyPath.length === 1 && scalar === pair.value);
      return specific ? hit(look, specific.topic, specific.vars, scalar, service, keyPath.join('.'), value) : null;
    }
    if (isMap(pair.value) && keyPath[0] === 'deploy') return serviceHit(look, service, pair.value, keyPath, offset);
    return null;
  }
  return null;
}

/** `<<:` itself, or the alias after it: which blocks this map takes its settings from. */
function mergeHit(look: Lookup, key: Scalar, value: unknown, offset: number, service: string | null, path: string[]): Found | null {
  const node = inside(key, offset) ? key : scalarAt(value, offset);
  if (!node) return null;
  const names = (isSeq(value) ? value.items : [value]).filter(isAlias).map((a) => a.source);
  if (!names.length) return null;
  return hit(look, 'compose.merge', { sources: names.join(', ') }, node, service, [...path, MERGE_KEY].join('.'), null);
}

/** A `<<:` pair inside a service's value (`environment: {<<: *env}`) whose key or alias holds the cursor. */
function mergePairAt(node: unknown, offset: number, depth = 0): { key: Scalar; value: unknown } | null {
  if (!isMap(node) || !covers(node, offset) || depth > 8) return null;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !inSpan(pair.key, pair.value, offset)) continue;
    if (keyOf(pair.key) === MERGE_KEY) return inside(pair.key, offset) || scalarAt(pair.value, offset) ? { key: pair.key, value: pair.value } : null;
    return mergePairAt(pair.value, offset, depth + 1);
  }
  return null;
}

/** A use of an `x-` block's node by a service: merged into it, or its value at `path` (an alias). */
interface Use {
  service: string;
  node: Node;
  /** The service-level key path the node sits at: [] when merged into the service. */
  path: string[];
}

/**
 * The services that take `nodes` (maps or values inside an `x-` block): by `<<:` into the
 * service (directly, or through other blocks), or as an aliased value at some key.
 * With `key`, a merge counts only when the node is what supplies that key to the service.
 */
function usersOf(look: Lookup, root: YAMLMap, nodes: Node[], key?: string): Use[] {
  const wanted = new Set(nodes);
  const services = root.items.find((p) => keyOf(p.key) === 'services')?.value;
  if (!isMap(services)) return [];
  const uses: Use[] = [];
  for (const svc of services.items) {
    const name = keyOf(svc.key);
    if (name === null || !isMap(svc.value)) continue;
    const use = useIn(look, svc.value, wanted, key, name);
    if (use) uses.push(use);
  }
  return uses;
}

function useIn(look: Lookup, map: YAMLMap, wanted: Set<Node>, key: string | undefined, service: string): Use | null {
  for (const node of wanted) {
    if (!isMap(node)) continue;
    if (key !== undefined ? look.supplier(map, key) === node : mergesFrom(look, map, node)) return { service, node, path: [] };
  }
  const walk = (m: YAMLMap, path: string[], depth: number): Use | null => {
    for (const pair of m.items) {
      const k = keyOf(pair.key);
      if (k === null || k === MERGE_KEY) continue;
      const target = look.deref(pair.value);
      if (isAlias(pair.value) && target && wanted.has(target as Node)) return { service, node: target as Node, path: [...path, k] };
      if (isMap(pair.value) && depth < 4) {
        const inner = walk(pair.value, [...path, k], depth + 1);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(map, [], 0);
}

/** Whether `map` merges `from`, directly or through the blocks it merges (each map looked at once). */
function mergesFrom(look: Lookup, map: YAMLMap, from: YAMLMap, seen = new Set<YAMLMap>()): boolean {
  if (seen.has(map)) return false;
  seen.add(map);
  for (const pair of map.items) {
    if (keyOf(pair.key) !== MERGE_KEY) continue;
    for (const src of look.mergeSources(pair.value)) if (src === from || mergesFrom(look, src, from, seen)) return true;
  }
  return false;
}

/**
 * A key or value inside a top-level `x-` block. The block's keys are read as what the
 * services that use it would have: service keys when it is merged into them (the usual
 * `x-defaults: &d` + `<<: *d`), `deploy.…` when it is aliased as `deploy: *limits`.
 */
function extensionHit(look: Lookup, root: YAMLMap, block: string, value: unknown, offset: number): Found | null {
  // The maps from the block down to the cursor, with the key path inside each.
  const chain: Array<{ node: YAMLMap; path: string[] }> = [];
  let node: unknown = value;
  let path: string[] = [];
  let keyNode: Scalar | null = null;
  let keyValue: unknown = null;
  let scalar: Scalar | Alias | null = null;
  let merge: { key: Scalar; value: unknown; path: string[] } | null = null;
  for (let depth = 0; depth < 8 && isMap(node); depth++) {
    chain.push({ node, path });
    const pair = node.items.find((p) => isScalar(p.key) && inSpan(p.key, p.value, offset));
    const name = pair ? keyOf(pair.key) : null;
    if (!pair || name === null) return null;
    const k = pair.key as Scalar;
    if (name === MERGE_KEY) {
      merge = { key: k, value: pair.value, path };
      break;
    }
    path = [...path, name];
    if (inside(k, offset)) {
      keyNode = k;
      keyValue = pair.value;
      break;
    }
    scalar = scalarAt(pair.value, offset);
    if (scalar) break;
    node = pair.value;
  }
  if (merge) return mergeHit(look, merge.key, merge.value, offset, null, merge.path);
  if (!keyNode && !scalar) return null;
  // The innermost map along the way that a service uses decides what the keys mean.
  let servicePath: string[] = path;
  let uses: Use[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const rel = path.slice(chain[i].path.length);
    const found = usersOf(look, root, [chain[i].node], rel[0]);
    if (found.length) {
      uses = found;
      servicePath = [...found[0].path, ...rel];
      break;
    }
  }
  const extension = { block, services: uses.map((u) => u.service), takesKey: true };
  const key = servicePath.join('.');
  if (keyNode) {
    const topic = keyTopic(servicePath);
    return topic ? hit(look, topic, undefined, keyNode, null, key, look.valueOf(keyValue), extension) : null;
  }
  const v = look.valueOf(scalar);
  const direct = chain[chain.length - 1].node.items.some((p) => p.value === scalar);
  const specific = v === null ? null : valueTopic(servicePath[servicePath.length - 1] ?? '', v, servicePath.length === 1 && direct);
  return specific && scalar ? hit(look, specific.topic, specific.vars, scalar, null, key, v, extension) : null;
}

function keyTopic(path: string[]): string | null {
  const [first, second, third] = path;
  if (path.length === 1) return SERVICE_KEYS.has(first) ? `compose.${first}` : null;
  if (first !== 'deploy' || second !== 'resources') return null;
  if (path.length === 2) return 'compose.deploy.resources';
  return third === 'limits' || third === 'reservations' ? `compose.deploy.resources.${third}` : null;
}

/** `$VAR` / `${VAR…}` in a value (`$$` is a literal dollar): the variable names, in order. */
export function interpolatedNames(value: string): string[] {
  const names: string[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (const m of value.replace(/\$\$/g, '').matchAll(re)) {
    const name = m[1] ?? m[2];
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The topic of a value: a variable Compose fills in when it loads the file (any value), or,
 * for a service's own key (`ownKey`), a mode such as `host` or `service:NAME`.
 */
function valueTopic(key: string, raw: string, ownKey: boolean): { topic: string; vars?: Record<string, string> } | null {
  const value = raw.trim();
  const vars = interpolatedNames(value);
  if (vars.length) return { topic: 'compose.interpolation', vars: { variables: vars.join(', '), value } };
  if (!ownKey) return null;
  if (VALUE_TOPICS[key]?.includes(value)) return { topic: `compose.${key}.${value}` };
  const m = /^(service|container):(.+)$/.exec(value);
  if (m && SHARING_KEYS.has(key)) return { topic: `compose.${key}.${m[1]}`, vars: { name: m[2].trim() } };
  return null;
}

function hit(
  look: Lookup,
  topic: string,
  vars: Record<string, string> | undefined,
  node: Scalar | Alias,
  service: string | null,
  key: string,
  value: string | null,
  extension?: ComposeHit['extension'],
): Found {
  const lines = look.p.lineStarts;
  const [start, end] = node.range ?? [0, 0];
  const range: TextRange = { start: positionAt(lines, start), end: positionAt(lines, end) };
  const found: Found = vars ? { topic, vars, range, service, key, value } : { topic, range, service, key, value };
  if (extension) found.extension = extension;
  return found;
}

function keyOf(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** The scalar or alias under the cursor inside a value: the value itself, or an item of its sequences and maps. */
function scalarAt(node: unknown, offset: number, depth = 0): Scalar | Alias | null {
  if ((isScalar(node) || isAlias(node)) && inside(node, offset)) return node;
  if (depth > 8) return null;
  if (isSeq(node) && covers(node, offset)) {
    for (const item of node.items) {
      const found = scalarAt(item, offset, depth + 1);
      if (found) return found;
    }
  }
  if (isMap(node) && covers(node, offset)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && inside(pair.key, offset)) return null;
      const found = scalarAt(pair.value, offset, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Half-open over the node's own text (the key or scalar, not the rest of the line). */
function inside(node: Scalar | Alias, offset: number): boolean {
  const r = node.range;
  return !!r && offset >= r[0] && offset < r[1];
}

function covers(node: Node, offset: number): boolean {
  const r = node.range;
  return !!r && offset >= r[0] && offset < r[2];
}

/** From the key's start to the end of its value: where a pair can hold the cursor. */
function inSpan(key: Scalar, value: unknown, offset: number): boolean {
  const start = key.range?.[0];
  const end = (value as Node | null)?.range?.[2] ?? key.range?.[2];
  return start !== undefined && end !== undefined && offset >= start && offset < Math.max(end, key.range?.[1] ?? end);
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
