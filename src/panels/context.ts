import type * as vscode from 'vscode';
import type { DiffSide } from '../core/diff';
import type { Evidence } from '../core/model';
import type { AnatomyService } from '../core/service';
import type { SideRef } from '../shared/protocol';

export interface PanelContext {
  extensionUri: vscode.Uri;
  service: AnatomyService;
  lang: () => 'en' | 'ko';
  /** Told whether each panel is visible, so the live model keeps running while one is. */
  demand?: { set(holder: object, visible: boolean): void };
  /** Reads what two sides see (default: this machine's /proc, and nsenter where it must enter). */
  evidence?: (left: DiffSide, right: DiffSide) => Promise<[Evidence, Evidence]>;
}

/** How a panel opens another panel (a click on a peer, "compare with host"). */
export interface Navigator {
  compare(left: SideRef, right: SideRef): void;
  topology(containerId: string): void;
}
