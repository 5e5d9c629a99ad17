/**
 * Registers only the toolkit components the panels use (keeps the bundle small). Not
 * vscode-tag / vscode-badge: their template binds a style attribute, which the panels' CSP
 * (no 'unsafe-inline') blocks and reports; verdicts are plain spans styled with badge vars.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeLink,
  vsCodePanels,
  vsCodePanelTab,
  vsCodePanelView,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeLink(),
    vsCodePanels(),
    vsCodePanelTab(),
    vsCodePanelView(),
  );
}
