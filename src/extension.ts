// Entry point: wires the features together. Feature code lives in its own module; the pure logic in src/core.
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { registerSidebar } from './tree/register-sidebar';
import { registerEditorValidation } from './editor/register';
import { registerDryRun } from './dry-run/register';
import { registerWizard } from './wizard/register';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  context.subscriptions.push(vscode.commands.registerCommand('adfBatchEndpoints.showVersion', () => {
    void vscode.window.showInformationMessage(`ADF Batch Endpoints ${context.extension.packageJSON.version}`);
  }));
  registerEditorValidation(context);
  const api: ExtensionApi = { sidebar: registerSidebar(context), wizard: registerWizard(context) };
  Object.assign(api, { dryRun: registerDryRun(context) });
  return api;
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
