/**
 * The explanation catalog: topic id -> short text in English and Korean.
 * UI code asks for a topic here; it never embeds prose of its own.
 */
import { en } from './en';
import { ko } from './ko';
import type { Entry, Lang } from './types';
import { withParticle } from '../i18n';

export type { Entry, Lang } from './types';

export interface Explanation extends Entry {
  topic: string;
  lang: Lang;
}

const CATALOGS: Record<Lang, Record<string, Entry>> = { en, ko };

/**
 * `{name}`, or `{name|이/가}` for a Korean particle that follows the value: the first form after
 * a final consonant, the second after a vowel (see withParticle).
 */
export const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}|/]+)\/([^{}|/]+))?\}/g;

/** The value for one placeholder match, with its particle when the placeholder asks for one. */
export function placeholderValue(value: string, afterConsonant: string | undefined, afterVowel: string | undefined): string {
  return afterConsonant !== undefined && afterVowel !== undefined ? withParticle(value, afterConsonant, afterVowel) : value;
}

/** Replaces `{name}` with vars.name; placeholders without a value are left as written. */
export function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(PLACEHOLDER, (whole, key: string, c?: string, v?: string) =>
    Object.prototype.hasOwnProperty.call(vars, key) ? placeholderValue(String(vars[key]), c, v) : whole,
  );
}

/** Names of the `{placeholders}` an entry uses, sorted and without duplicates. */
export function placeholders(entry: Entry): string[] {
  const names = new Set<string>();
  for (const text of [entry.title, entry.summary, entry.body]) {
    for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  }
  return [...names].sort();
}

/** The entry for `topic` in `lang` (English if the Korean one is missing), placeholders filled. */
export function explain(topic: string, lang: Lang, vars?: Record<string, string | number>): Explanation | undefined {
  return explainFrom(CATALOGS, topic, lang, vars);
}

/** `explain` over given catalogs; English is the fallback language. */
export function explainFrom(
  catalogs: Record<Lang, Record<string, Entry>>,
  topic: string,
  lang: Lang,
  vars?: Record<string, string | number>,
): Explanation | undefined {
  const own = lookup(catalogs[lang], topic);
  const entry = own ?? lookup(catalogs.en, topic);
  if (!entry) return undefined;
  return {
    topic,
    lang: own ? lang : 'en',
    title: fill(entry.title, vars),
    summary: fill(entry.summary, vars),
    body: fill(entry.body, vars),
  };
}

function lookup(catalog: Record<string, Entry>, topic: string): Entry | undefined {
  return Object.prototype.hasOwnProperty.call(catalog, topic) ? catalog[topic] : undefined;
}

export function hasTopic(topic: string): boolean {
  return lookup(en, topic) !== undefined;
}

/** Every topic id, sorted. */
export function topics(): string[] {
  return Object.keys(en).sort();
}

/** The catalog language for a setting ('auto' | 'en' | 'ko') and VS Code's display language. */
export function resolveLang(setting: string | undefined, displayLanguage: string | undefined): Lang {
  const s = (setting ?? 'auto').trim().toLowerCase();
  if (s === 'en' || s === 'ko') return s;
  // 'ko', 'ko-KR', 'ko_kr'; not other languages whose code merely starts with "ko" (Konkani is 'kok').
  return /^ko(?:$|[-_])/.test((displayLanguage ?? '').trim().toLowerCase()) ? 'ko' : 'en';
}
