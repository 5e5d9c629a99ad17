/**
 * The documented JSON paths of `container-anatomy --json`: each must exist, and each leaf
 * must be a plain value, `{value, source}` or `{unavailable}`.
 */
import * as assert from 'node:assert/strict';
import { NAMESPACE_TYPES, type Snapshot } from '../../../src/core/model';

const SOURCES = ['engine', 'procfs', 'helper'];

export type Leaf = { value: unknown; source: string } | { unavailable: string } | string | number | boolean | null;

/** A plain value, `{value, source}` or `{unavailable: reason}`; nothing else. */
export function assertLeaf(x: unknown, where: string): void {
  assert.notEqual(x, undefined, `${where} is missing`);
  if (x === null || ['string', 'number', 'boolean'].includes(typeof x)) return;
  assert.equal(typeof x, 'object', `${where}: unexpected ${typeof x}`);
  const keys = Object.keys(x as object).sort();
  if (keys.length === 1 && keys[0] === 'unavailable') {
    const reason = (x as { unavailable: unknown }).unavailable;
    assert.equal(typeof reason, 'string', `${where}.unavailable is a string`);
    assert.ok((reason as string).length > 10, `${where}: the reason is too short to act on`);
    return;
  }
  assert.deepEqual(keys, ['source', 'value'], `${where} is {value, source} or {unavailable}: ${JSON.stringify(x)}`);
  assert.ok(SOURCES.includes((x as { source: string }).source), `${where}.source is one of ${SOURCES.join(', ')}`);
}

/** Every documented path of a snapshot with its value, e.g. ["containers[0].cgroup.pids.max.kernel", {...}]. */
export function documentedLeaves(s: Snapshot): [string, unknown][] {
  const out: [string, unknown][] = [];
  const add = (where: string, v: unknown): void => {
    out.push([where, v]);
  };
  s.containers.forEach((c, i) => {
    const at = `containers[${i}]`;
    add(`${at}.id`, c.id);
    add(`${at}.name`, c.name);
    add(`${at}.state`, c.state);
    add(`${at}.pid`, c.pid);
    for (const t of NAMESPACE_TYPES) {
      add(`${at}.namespaces.${t}.inode`, c.namespaces?.[t]?.inode);
      add(`${at}.namespaces.${t}.sharedWithHost`, c.namespaces?.[t]?.sharedWithHost);
    }
    for (const k of ['declared', 'kernel', 'effective'] as const) {
      add(`${at}.cgroup.memory.limitBytes.${k}`, c.cgroup?.memory?.limitBytes?.[k]);
      add(`${at}.cgroup.cpu.cpus.${k}`, c.cgroup?.cpu?.cpus?.[k]);
      add(`${at}.cgroup.pids.max.${k}`, c.cgroup?.pids?.max?.[k]);
    }
    assert.ok(Array.isArray(c.networks), `${at}.networks is an array`);
    c.networks.forEach((n, j) => {
      for (const k of ['name', 'ipAddress', 'prefixLength', 'gateway', 'macAddress', 'bridge', 'hostVeth'] as const) add(`${at}.networks[${j}].${k}`, n[k]);
    });
  });
  for (const t of NAMESPACE_TYPES) add(`host.namespaces.${t}.inode`, s.host?.namespaces?.[t]?.inode);
  return out;
}

export function assertDocumentedShape(s: Snapshot): void {
  assert.equal(s.schemaVersion, 1);
  assert.ok(Array.isArray(s.containers), 'containers is an array');
  for (const [where, v] of documentedLeaves(s)) assertLeaf(v, where);
}
