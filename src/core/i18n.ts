/**
 * Interface words (labels, short values) in the catalog's language. The Korean words are the
 * same bundle VS Code loads (l10n/bundle.l10n.ko.json), so the tree, hovers and the CLI say the
 * same thing; the language is the explanations setting, not VS Code's display language.
 */
import type { Lang } from './catalog/types';
import koBundle from '../../l10n/bundle.l10n.ko.json';

/** Same shape as vscode.l10n.t for positional arguments, plus the language it speaks. */
export type Translate = ((message: string, ...args: Array<string | number>) => string) & { readonly lang?: Lang };

const BUNDLES: Record<Lang, Readonly<Record<string, string>>> = { en: {}, ko: koBundle as Record<string, string> };

function fillArgs(message: string, args: Array<string | number>): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** A translator for `lang`: the bundle's text for a message (the English message when it has none). */
export function translator(lang: Lang): Translate {
  const bundle = BUNDLES[lang];
  const t = (message: string, ...args: Array<string | number>): string =>
    fillArgs(Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : message, args);
  return Object.assign(t, { lang });
}

/** The language a translator speaks; English for one without a language. */
export function langOf(t: Translate): Lang {
  return t.lang ?? 'en';
}

/** Whether the Korean bundle has `message` (tests check every message the code asks for). */
export function hasKorean(message: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUNDLES.ko, message);
}

const JONGSEONG_DIGITS = new Set(['0', '1', '3', '6', '7', '8']);

/**
 * Whether `word` ends in a consonant sound when read in Korean (받침), for the words whose
 * reading is known: Hangul syllables and digits. undefined for anything else.
 */
export function endsInConsonant(word: string): boolean | undefined {
  const last = word.trim().slice(-1);
  if (!last) return undefined;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return JONGSEONG_DIGITS.has(last);
  return undefined;
}

/**
 * `word` with the particle its final sound takes: withParticle('호스트', '이', '가') is
 * '호스트가'. Where the reading is unknown, both forms: 'web이(가)'.
 */
export function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  const c = endsInConsonant(word);
  if (c === undefined) return `${word}${afterConsonant}(${afterVowel})`;
  return `${word}${c ? afterConsonant : afterVowel}`;
}
