/**
 * Process facts from /proc: the NSpid chain, user-namespace id maps, and the machine's
 * memory and CPU count (used to cap "unlimited" limits).
 */
import * as path from 'path';
import { fact, unavailable, type IdMapRange, type Maybe } from '../model';
import { countCpuList, readProcessFile, readText } from './files';

/** The `NSpid:` line of /proc/PID/status, outermost PID first; null if absent or malformed. */
export function parseNSpid(statusText: string): number[] | null {
  // Found with indexOf: a multi-line expression scans the whole file line by line, once per container.
  const at = statusText.startsWith('NSpid:') ? 0 : statusText.indexOf('\nNSpid:') + 1;
  if (at === 0 && !statusText.startsWith('NSpid:')) return null;
  const end = statusText.indexOf('\n', at);
  const fields = statusText.slice(at + 'NSpid:'.length, end === -1 ? undefined : end).trim().split(/\s+/);
  if (fields.length === 0 || fields.some((f) => !/^\d+$/.test(f))) return null;
  return fields.map(Number);
}

export function readNSpid(procRoot: string, pid: number | 'self'): Maybe<number[]> {
  const r = readProcessFile(procRoot, pid, 'status');
  if (!r.ok) return unavailable(r.reason);
  const chain = parseNSpid(r.text);
  if (!chain) return unavailable(`${r.file} has no readable NSpid line (it needs Linux 4.1 or later), or the file was cut short`);
  return fact(chain, 'procfs');
}

/** uid_map / gid_map lines, printed by the kernel as "%10u %10u %10u"; null if malformed. */
export function parseIdMap(text: string): IdMapRange[] | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const out: IdMapRange[] = [];
  for (const line of lines) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(line);
    if (!m) return null;
    const [inside, outside, length] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (inside > 0xffffffff || outside > 0xffffffff || length > 0xffffffff || length === 0) return null;
    out.push({ inside, outside, length });
  }
  return out;
}

export function readIdMap(procRoot: string, pid: number | 'self', which: 'uid_map' | 'gid_map'): Maybe<IdMapRange[]> {
  const r = readProcessFile(procRoot, pid, which);
  if (!r.ok) return unavailable(r.reason);
  if (r.text.trim() === '') return unavailable(`${r.file} is empty: the user namespace has no ${which === 'uid_map' ? 'uid' : 'gid'} mapping yet`);
  const map = parseIdMap(r.text);
  if (!map) return unavailable(`${r.file} is not in the kernel's "inside outside length" format (malformed or cut short)`);
  return fact(map, 'procfs');
}

/** True when id 0 inside maps to id 0 in the reader's namespace. */
export function rootIsHostRoot(map: IdMapRange[]): boolean {
  return map.some((r) => r.inside === 0 && r.outside === 0 && r.length >= 1);
}

/** MemTotal from <procRoot>/meminfo, in bytes. */
export async function readMemTotalBytes(procRoot: string): Promise<Maybe<number>> {
  const file = path.join(procRoot, 'meminfo');
  const r = await readText(file);
  if (!r.ok) return unavailable(r.reason);
  const m = /^MemTotal:\s+(\d+)\s+kB\s*$/m.exec(r.text);
  if (!m) return unavailable(`${file} has no readable "MemTotal: N kB" line`);
  return fact(Number(m[1]) * 1024, 'procfs');
}

/** Number of online CPUs from <sysRoot>/devices/system/cpu/online ("0-1"). */
export async function readOnlineCpus(sysRoot: string): Promise<Maybe<number>> {
  const file = path.join(sysRoot, 'devices', 'system', 'cpu', 'online');
  const r = await readText(file);
  if (!r.ok) return unavailable(r.reason);
  const n = countCpuList(r.text);
  if (n === null || n === 0) return unavailable(`${file} is not a CPU list such as "0-1" (read ${JSON.stringify(r.text.trim())})`);
  return fact(n, 'procfs');
}
