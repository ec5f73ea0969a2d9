// Entry point: wires the features together. Feature code lives in its own module; the pure logic in src/core.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { AzureAccess } from './azure/access';
import { configureCommands, registerCommand } from './commands/register-command';
import { issueReportText, registerReportIssue } from './report-issue/report-issue';
import { registerDryRun } from './dry-run/register';
import { registerEditorValidation } from './editor/register';
import { registerFactoryActions } from './factory-actions/register';
import { ExtensionLog } from './log';
import { registerSidebar } from './tree/register-sidebar';
import { registerWizard } from './wizard/register';
import { trustApi, watchIgnoredWorkspaceSettings } from './ignored-workspace-settings';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  // Core modules (Azure error hints in the tree and notifications) translate through @vscode/l10n; each bundle
  // configures its own copy (dist/editor.js, dist/wizard.js and the scan worker do too).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = new ExtensionLog();
  configureCommands(log, context.extension.packageJSON);
  const access = new AzureAccess(context.secrets, context.extensionPath, log);
  context.subscriptions.push(
    log,
    access,
    registerReportIssue(context, log),
    watchIgnoredWorkspaceSettings(),
    registerCommand('adfBatchEndpoints.showVersion', () => {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('ADF Batch Endpoints {0}', String(context.extension.packageJSON.version)),
      );
    }),
  );
  const validation = registerEditorValidation(context, log);
  const sidebar = registerSidebar(context, access, log);
  // The Pipeline Runs view follows the runs the wizard, the tree and Dry Run start.
  const runsView = registerFactoryActions(context, access, sidebar);
  const api: ExtensionApi = {
    validation,
    sidebar,
    wizard: registerWizard(context, access, log, runsView),
    issueReportText: () => issueReportText(context.extension, log),
  };
  Object.assign(api, {
    dryRun: registerDryRun(context, access, log, runsView),
    runsView,
    trust: trustApi(),
  });
  return api;
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
