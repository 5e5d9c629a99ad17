import * as vscode from 'vscode';
import type { Lang } from '../core/catalog';
import { dockerfileTopicAt } from '../core/dockerfile';
import { hoverMarkdown, toRange, topicMarkdown, wordRange } from './markdown';

/** Dockerfiles by language and by name, for editors without a Dockerfile language. */
export const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}' },
];

export class DockerfileHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly lang: () => Lang,
    private readonly log: (message: string) => void,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const hit = dockerfileTopicAt(doc.getText(), { line: position.line, character: position.character });
      if (!hit) return undefined;
      const md = topicMarkdown({ topic: hit.topic, vars: hit.vars }, this.lang());
      if (!md) return undefined;
      return new vscode.Hover(hoverMarkdown(md), toRange(hit.range, wordRange(doc, position)));
    } catch (err) {
      this.log(`Dockerfile hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
