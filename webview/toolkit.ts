/** Registers only the toolkit components the panels use (keeps the bundle small). */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDivider,
  vsCodeLink,
  vsCodePanels,
  vsCodePanelTab,
  vsCodePanelView,
  vsCodeTag,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDivider(),
    vsCodeLink(),
    vsCodePanels(),
    vsCodePanelTab(),
    vsCodePanelView(),
    vsCodeTag(),
  );
}
