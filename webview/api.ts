/** The VS Code webview API, typed with our protocol. */
import type { ExtensionToWebview, PersistedState, WebviewToExtension } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();

export function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

export function onMessage(handler: (m: ExtensionToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const m = event.data;
    if (typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string') {
      handler(m as ExtensionToWebview);
    }
  });
}

let nextRequestId = 1;
const pending = new Map<number, (ok: boolean) => void>();

/** Sends a request and resolves with the extension's answer. */
export function request(method: 'refresh'): Promise<boolean> {
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    post({ type: 'request', requestId, method });
  });
}

export function settle(requestId: number, ok: boolean): void {
  pending.get(requestId)?.(ok);
  pending.delete(requestId);
}
