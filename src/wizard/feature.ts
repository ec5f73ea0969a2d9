// The Create ADF Pipeline wizard behind its command (register.ts): one panel per endpoint, and the API the
// extension-host tests drive. Lives in dist/wizard.js, loaded at first use; nothing here loads the Azure SDK:
// the wizard's stores come from AzureAccess on first use.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import type { ExtensionLog } from '../log';
import type { CloudDefinition } from '../core/clouds';
import type { RunTracker } from '../core/factory';
import type { WizardEndpoint } from './endpoint';
import type { WizardPanel } from './panel';
import { WizardPanelManager } from './panel-manager';
import { endpointOfNode, pickEndpoint, toWizardEndpoint } from './pickers';
import type { WizardEnvironment } from './services';
import { DiffDocuments, SwitchablePrompts, vscodeFiles } from './vscode-services';
import type { WizardApi, WizardHandle } from './wizard-api';

const DEFAULT_MONITOR_INTERVAL_MS = 3000;

export interface WizardFeature {
  /** "Create ADF Pipeline...": from an endpoint node, or with pickers. */
  createPipeline(node?: unknown): Promise<void>;
  readonly api: WizardApi;
}

export function createWizardFeature(
  context: vscode.ExtensionContext,
  access: AzureAccess,
  log: ExtensionLog,
  runs: RunTracker,
): WizardFeature {
  // The controller and its flows never import vscode: their strings go through @vscode/l10n, given VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const prompts = new SwitchablePrompts();
  const diffs = new DiffDocuments();
  let monitorIntervalMs = DEFAULT_MONITOR_INTERVAL_MS;

  const environmentFor = (endpoint: WizardEndpoint): WizardEnvironment => ({
    get cloud(): CloudDefinition {
      return access.cloud();
    },
    azure: () => access.wizardAzure(endpoint.workspace.subscriptionId, endpoint.workspace.tenantId),
    prompts,
    files: vscodeFiles,
    log,
    openDiff: (left, right, title) => diffs.open(left, right, title),
    openExternal: async (url) => {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    signIn: async () => {
      await vscode.commands.executeCommand('adfBatchEndpoints.signIn');
    },
    get monitorIntervalMs(): number {
      return monitorIntervalMs;
    },
    runs,
  });
  const manager = new WizardPanelManager(context.extensionUri, environmentFor);

  // Errors (NotSignedInError offers "Sign In") are shown by the command wrapper.
  const createPipeline = async (node?: unknown): Promise<void> => {
    const fromNode = endpointOfNode(node);
    let endpoint = fromNode ? toWizardEndpoint(fromNode) : undefined;
    if (!endpoint) {
      const session = await access.signedInSession();
      endpoint = await pickEndpoint(session, access.readerFor(session));
    }
    if (endpoint) manager.open(endpoint);
  };

  context.subscriptions.push(diffs, manager);

  let requestId = 1_000_000;
  const handleOf = (panel: WizardPanel): WizardHandle => ({
    endpointId: panel.controller.endpoint.id,
    state: () => panel.controller.view(),
    send: (method, params) => panel.route({ type: 'request', id: requestId++, method, params: params ?? {} }),
    sendRaw: (message) => panel.route(message),
    whenIdle: () => panel.controller.whenIdle(),
    whenRunEnded: () => panel.controller.whenRunEnded(),
    postedMessages: () => panel.postedMessages(),
    persistedState: () => panel.persistedState(),
    cspViolations: () => [...panel.controller.cspViolations],
    get webviewReady() {
      return panel.webviewReady;
    },
    get visible() {
      return panel.panel.visible;
    },
    get active() {
      return panel.panel.active;
    },
    close: () => panel.panel.dispose(),
  });

  const api: WizardApi = {
    open: (endpoint) => handleOf(manager.open(endpoint)),
    handle: (endpointId) => {
      const panel = manager.get(endpointId);
      return panel ? handleOf(panel) : undefined;
    },
    panelsCreated: () => manager.createdCount,
    usePrompts: (answers) => prompts.use(answers),
    setMonitorInterval: (ms) => {
      monitorIntervalMs = Math.max(50, ms);
    },
    logLines: () => log.lines(),
    globalStorageUri: context.globalStorageUri.toString(),
  };
  return { createPipeline, api };
}
