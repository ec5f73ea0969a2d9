// Sandbox only (npm start): shows the extension's view container when the workbench has started. VS Code keeps the
// last open side bar view in the browser's storage, which a fresh sandbox does not have, so it would open the Explorer.
import * as vscode from 'vscode';

/** The command VS Code registers for the extension's view container (package.json viewsContainers.activitybar). */
export const OPEN_VIEW_COMMAND = 'workbench.view.extension.adfBatchEndpoints';

export async function activate(): Promise<void> {
  await vscode.commands.executeCommand(OPEN_VIEW_COMMAND);
}
