/**
 * Markdown for tooltips and hovers, built so that container data (names, labels, image
 * names, reasons) is always shown as text. No vscode import: unit-tested under mocha.
 */
import { PLACEHOLDER, placeholderValue } from '../core/catalog/index';

/** Characters CommonMark lets us backslash-escape, minus `&`, `<`, `>` which become entities. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~:]/g;

/**
 * Makes `text` render literally inside Markdown: HTML-significant characters become
 * entities, Markdown punctuation is backslash-escaped, and line breaks become spaces so
 * data cannot start a heading, list or block of its own.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}

export interface TopicRef {
  topic: string;
  /** Placeholder values; they are data and are escaped while filling. */
  vars?: Record<string, string | number>;
}

export interface TooltipSpec {
  /** First line, shown bold (data: escaped). */
  heading: string;
  /** "label: value" lines (both escaped). */
  facts: { label: string; value: string }[];
  /** Reasons something could not be read (escaped), shown as a list of notes. */
  notes: string[];
  /** Catalog topics explaining the row, most specific first. */
  topics: TopicRef[];
  /** The fact in one sentence (a catalog summary, e.g. who shares this namespace), shown first. */
  lead?: TopicRef;
}

/** What the catalog returns for a topic; its text is trusted Markdown without HTML. */
export type ExplainFn = (topic: string, vars?: Record<string, string | number>) => { title: string; summary?: string; body: string } | undefined;


/** Text for inside a code span: everything is literal there except backticks and line breaks. */
export function codeSpanSafe(text: string): string {
  return String(text).replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/`/g, "'");
}

/**
 * Fills `{name}` placeholders of trusted catalog Markdown with data: escaped as text
 * outside code spans, made backtick-free inside them. Unknown placeholders stay as written.
 */
export function fillMarkdown(template: string, vars: Record<string, string | number> | undefined): string {
  if (!vars) return template;
  return template.replace(PLACEHOLDER, (whole, key: string, c: string | undefined, p: string | undefined, offset: number) => {
    if (!Object.prototype.hasOwnProperty.call(vars, key)) return whole;
    const inCode = (template.slice(0, offset).match(/`/g) ?? []).length % 2 === 1;
    const v = placeholderValue(String(vars[key]), c, p);
    return inCode ? codeSpanSafe(v) : escapeMarkdown(v);
  });
}

/** One explained topic as Markdown: bold title, then the one-sentence summary, then the body. */
export function explanationMarkdown(ref: TopicRef, explain: ExplainFn): string | undefined {
  // Ask for the raw text and fill it here, where we know which placeholders sit in code spans.
  const e = explain(ref.topic);
  if (!e) return undefined;
  const parts = [`**${fillMarkdown(e.title, ref.vars)}**`, e.summary ? fillMarkdown(e.summary, ref.vars) : '', fillMarkdown(e.body, ref.vars)];
  return parts.filter(Boolean).join('\n\n');
}

/**
 * The whole tooltip as Markdown, every piece of data escaped. It leads with the fact: the
 * heading, the lead sentence and the first topic's one-line meaning, then the facts and notes;
 * the first topic's longer explanation comes after, and further topics as one line each.
 */
export function tooltipMarkdown(spec: TooltipSpec, explain: ExplainFn): string {
  const seen = new Set<string>();
  const refs = spec.topics.filter((r) => !seen.has(r.topic) && seen.add(r.topic));
  const known = refs.map((ref) => ({ ref, e: explain(ref.topic) })).filter((x): x is { ref: TopicRef; e: NonNullable<ReturnType<ExplainFn>> } => !!x.e);
  const [first, ...rest] = known;
  const head: string[] = [];
  if (spec.heading) head.push(`**${escapeMarkdown(spec.heading)}**`);
  const lead = spec.lead ? explain(spec.lead.topic) : undefined;
  if (lead?.summary) head.push(fillMarkdown(lead.summary, spec.lead?.vars));
  if (first) head.push(fillMarkdown(first.e.summary || first.e.title, first.ref.vars));
  const facts = spec.facts.map((f) => `${escapeMarkdown(f.label)}: ${escapeMarkdown(f.value)}`);
  const parts: string[] = [];
  if (head.length) parts.push(head.join('  \n'));
  if (facts.length) parts.push(facts.join('  \n'));
  if (spec.notes.length) parts.push(spec.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  const more: string[] = [];
  if (first?.e.body) more.push(fillMarkdown(first.e.body, first.ref.vars));
  for (const { ref, e } of rest) more.push(`**${fillMarkdown(e.title, ref.vars)}**: ${fillMarkdown(e.summary || e.body, ref.vars)}`);
  return [parts.join('\n\n'), ...more].filter(Boolean).join('\n\n---\n\n');
}
