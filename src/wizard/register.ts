// Wires the Create ADF Pipeline wizard: the command (endpoint context menu, inline icon, command palette with
// pickers) and the API the extension-host tests drive. The wizard itself (dist/wizard.js) loads at first use.
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import type { RunTracker } from '../core/factory';
import { registerCommand } from '../commands/register-command';
import { loadBundle } from '../lazy/load-bundle';
import type { ExtensionLog } from '../log';
import { whenTrusted } from '../workspace-trust';
import type * as Bundle from './bundle';
import type { WizardFeature } from './feature';
import type { WizardApi } from './wizard-api';

export const WIZARD_COMMANDS = {
  createPipeline: 'adfBatchEndpoints.createAdfPipeline',
} as const;

export function registerWizard(
  context: vscode.ExtensionContext,
  access: AzureAccess,
  log: ExtensionLog,
  runs: RunTracker,
): WizardApi {
  let feature: WizardFeature | undefined;
  const wizard = (): WizardFeature =>
    (feature ??= loadBundle<typeof Bundle>(context.extensionPath, 'wizard').createWizardFeature(
      context,
      access,
      log,
      runs,
    ));
  context.subscriptions.push(
    registerCommand(
      WIZARD_COMMANDS.createPipeline,
      whenTrusted(vscode.l10n.t('The pipeline wizard'), (node?: unknown) => wizard().createPipeline(node)),
    ),
  );
  return {
    open: (endpoint) => wizard().api.open(endpoint),
    handle: (endpointId) => wizard().api.handle(endpointId),
    panelsCreated: () => wizard().api.panelsCreated(),
    usePrompts: (answers) => wizard().api.usePrompts(answers),
    setMonitorInterval: (ms) => wizard().api.setMonitorInterval(ms),
    logLines: () => log.lines(),
    globalStorageUri: context.globalStorageUri.toString(),
  };
}
