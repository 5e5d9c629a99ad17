import type { Translate } from './i18n';
import { isUnavailable, type Limit, type Maybe } from './model';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 67108864 -> "64 MiB"; 3250585 -> "3.1 MiB". */
export function formatBytes(n: number): string {
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const text = i === 0 || Number.isInteger(v) ? String(v) : v.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[i]}`;
}

/** `{0}`, `{1}`… of a message filled with args; placeholders without a value stay. */
export function fillArgs(message: string, args: Array<string | number>): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** The English message with its arguments: what a caller without a translator gets. */
const english = (message: string, ...args: Array<string | number>): string => fillArgs(message, args);

/** 0.5 -> "0.5 CPU"; 2 -> "2 CPUs" (in `t`'s language: Korean has no plural). */
export function formatCpus(n: number, t: Translate = english): string {
  const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
  return n === 1 || n < 1 ? t('{0} CPU', text) : t('{0} CPUs', text);
}

export type LimitKind = 'bytes' | 'cpus' | 'count' | 'string';

/**
 * One limit value. null is "unlimited" for hard limits; for relative controls (shares,
 * weights, cpusets) nothing declared means the kernel default applies, so pass 'default'.
 */
export function formatLimitValue(value: number | string | null, kind: LimitKind, nullText = 'unlimited', t: Translate = english): string {
  if (value === null) return nullText;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'bytes':
      return formatBytes(value);
    case 'cpus':
      return formatCpus(value, t);
    default:
      return String(value);
  }
}

/** A Maybe as text: the value, or "unavailable". */
export function describeMaybe<T extends number | string | null>(m: Maybe<T>, kind: LimitKind = 'string', nullText = 'unlimited'): string {
  if (isUnavailable(m)) return 'unavailable';
  return formatLimitValue(m.value, kind, nullText);
}

/**
 * "declared → effective": what Docker was told and what applies. When the two agree only
 * one value is shown; when the kernel file differs from both it is shown in brackets.
 */
export function formatLimit(limit: Limit<number | string>, kind: LimitKind, nullText = 'unlimited'): string {
  const d = describeMaybe(limit.declared, kind, nullText);
  const e = describeMaybe(limit.effective, kind, nullText);
  if (isUnavailable(limit.effective)) return `${d} (declared)`;
  if (d === e) return e;
  return `${d} → ${e}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An engine or read time (ISO 8601, as the JSON model keeps it) as a person reads it: local
 * time to the second, and how long ago when it is in the past ("2026-11-30 13:12:39 (5 min
 * ago)"). Text that is not a time is returned as it is.
 */
export function formatTime(iso: string, t: Translate = english, now = Date.now()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  const local = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const ago = (now - ms) / 1000;
  if (ago < 0) return local;
  let rel: string;
  if (ago < 45) rel = t('just now');
  else if (ago < 90 * 60) rel = t('{0} min ago', Math.max(1, Math.round(ago / 60)));
  else if (ago < 36 * 3600) rel = t('{0} h ago', Math.round(ago / 3600));
  else rel = t('{0} days ago', Math.round(ago / 86400));
  return `${local} (${rel})`;
}
