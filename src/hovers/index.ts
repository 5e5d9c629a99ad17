import * as vscode from 'vscode';
import type { Lang } from '../core/catalog';
import type { AnatomyService } from '../core/service';
import { COMPOSE_SELECTOR, ComposeHoverProvider } from './compose-hover';
import { DOCKERFILE_SELECTOR, DockerfileHoverProvider } from './dockerfile-hover';

export function registerHovers(service: AnatomyService, lang: () => Lang, log: (message: string) => void): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new DockerfileHoverProvider(lang, log)),
    vscode.languages.registerHoverProvider(COMPOSE_SELECTOR, new ComposeHoverProvider(service, lang, log)),
  ];
}
