import * as path from 'node:path';
import * as vscode from 'vscode';
import { explain, type Lang } from '../core/catalog';
import { translator } from '../core/i18n';
import { composeTopicAt, isComposeFileName } from '../core/compose';
import type { AnatomyService } from '../core/service';
import { fillMarkdown } from '../tree/markdown';
import { composeProjectName, liveTopic, serviceContainers } from './live';
import { hoverMarkdown, toRange, topicMarkdown, wordRange } from './markdown';

export const COMPOSE_SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'dockercompose' }];

/** At most this many replicas get a live line each. */
const MAX_LIVE = 3;

export class ComposeHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: AnatomyService,
    private readonly lang: () => Lang,
    private readonly log: (message: string) => void,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      if (!isComposeFileName(path.basename(doc.fileName))) return undefined;
      const hit = composeTopicAt(doc.getText(), { line: position.line, character: position.character });
      if (!hit) return undefined;
      const lang = this.lang();
      const parts: string[] = [];
      const md = topicMarkdown({ topic: hit.topic, vars: hit.vars }, lang);
      if (md) parts.push(md);
      parts.push(...this.liveLines(doc, hit.service, hit.key, lang));
      if (!parts.length) return undefined;
      return new vscode.Hover(hoverMarkdown(parts.join('\n\n---\n\n')), toRange(hit.range, wordRange(doc, position)));
    } catch (err) {
      this.log(`compose hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /** "This service's container: …" from the cache; a hover never starts the engine work. */
  private liveLines(doc: vscode.TextDocument, service: string | null | undefined, key: string | null | undefined, lang: Lang): string[] {
    if (!service || !key || this.service.status.kind !== 'ready') return [];
    const project = composeProjectName(path.basename(path.dirname(doc.fileName)));
    const t = translator(lang);
    const lines: string[] = [];
    for (const c of serviceContainers(this.service.snapshot().containers, service, project).slice(0, MAX_LIVE)) {
      const ref = liveTopic(key, c, t);
      const e = ref && explain(ref.topic, lang);
      if (ref && e) lines.push(`${fillMarkdown(e.summary, ref.vars)} \u2014 ${fillMarkdown('`{name}`', { name: c.name })}`);
    }
    return lines;
  }
}
