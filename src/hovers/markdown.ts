import * as vscode from 'vscode';
import { explain, type Lang } from '../core/catalog';
import type { TextRange } from '../core/dockerfile';
import { explanationMarkdown, type TopicRef } from '../tree/markdown';

/** Catalog Markdown for a hover, never trusted, never HTML. */
export function hoverMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** Title and body of a topic, with the hit's values (taken from the file: data) escaped. */
export function topicMarkdown(ref: TopicRef, lang: Lang): string | undefined {
  return explanationMarkdown(ref, (topic) => explain(topic, lang));
}

export function toRange(r: TextRange | undefined, fallback: vscode.Range): vscode.Range {
  if (!r) return fallback;
  try {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  } catch {
    return fallback;
  }
}

/** The word at `position`, as the range to use when a hit has none. */
export function wordRange(doc: vscode.TextDocument, position: vscode.Position): vscode.Range {
  return doc.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
}
