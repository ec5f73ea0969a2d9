// "Create ADF Pipeline..." from the command palette: pick a subscription, a workspace, then a batch endpoint.
import * as vscode from 'vscode';
import type { AzureSession } from '../azure/sessions/session';
import type { BatchEndpointInfo, WorkspaceInfo, ResourceReader } from '../core/azure';
import type { WizardEndpoint } from './endpoint';

type ValueItem<T> = vscode.QuickPickItem & { value: T };

export async function pickEndpoint(session: AzureSession, reader: ResourceReader): Promise<WizardEndpoint | undefined> {
  const subscriptions = await session.getSubscriptions();
  const subscription =
    subscriptions.length === 1
      ? subscriptions[0]
      : (
          await vscode.window.showQuickPick<ValueItem<(typeof subscriptions)[number]>>(
            subscriptions.map((s) => ({ label: s.name, description: s.subscriptionId, value: s })),
            {
              title: vscode.l10n.t('Create ADF Pipeline (1/3): subscription'),
              placeHolder: vscode.l10n.t('The subscription of the Azure ML workspace'),
              matchOnDescription: true,
            },
          )
        )?.value;
  if (!subscription) return undefined;
  const workspace = (
    await vscode.window.showQuickPick<ValueItem<WorkspaceInfo>>(
      allPages((token) => reader.listWorkspaces(subscription, token)).then((list) =>
        list.map((w) => ({ label: w.name, description: `${w.resourceGroup} · ${w.location}`, value: w })),
      ),
      {
        title: vscode.l10n.t('Create ADF Pipeline (2/3): workspace'),
        placeHolder: vscode.l10n.t('Loading the Azure ML workspaces...'),
        matchOnDescription: true,
      },
    )
  )?.value;
  if (!workspace) return undefined;
  const endpoint = (
    await vscode.window.showQuickPick<ValueItem<BatchEndpointInfo>>(
      allPages((token) => reader.listBatchEndpoints(workspace, token)).then((list) =>
        list.map((e) => ({
          label: e.name,
          description: e.defaultDeployment
            ? vscode.l10n.t('default: {0}', e.defaultDeployment)
            : vscode.l10n.t('no default deployment'),
          detail: e.scoringUri,
          value: e,
        })),
      ),
      {
        title: vscode.l10n.t('Create ADF Pipeline (3/3): batch endpoint'),
        placeHolder: vscode.l10n.t('Loading the batch endpoints...'),
        matchOnDescription: true,
      },
    )
  )?.value;
  return endpoint ? toWizardEndpoint(endpoint) : undefined;
}

/** The wizard's view of the sidebar's endpoint (the node's `item`). */
export function toWizardEndpoint(endpoint: BatchEndpointInfo): WizardEndpoint {
  const ws: WorkspaceInfo = endpoint.workspace;
  return {
    id: endpoint.id,
    name: endpoint.name,
    ...(endpoint.scoringUri ? { scoringUri: endpoint.scoringUri } : {}),
    ...(endpoint.authMode ? { authMode: endpoint.authMode } : {}),
    ...(endpoint.defaultDeployment ? { defaultDeployment: endpoint.defaultDeployment } : {}),
    ...(endpoint.provisioningState ? { provisioningState: endpoint.provisioningState } : {}),
    workspace: {
      id: ws.id,
      name: ws.name,
      subscriptionId: ws.subscriptionId,
      resourceGroup: ws.resourceGroup,
      tenantId: ws.tenantId,
    },
  };
}

/** The endpoint behind a tree node (endpoint nodes carry `item` of kind 'endpoint'). */
export function endpointOfNode(node: unknown): BatchEndpointInfo | undefined {
  const item = (node as { item?: { kind?: unknown } } | undefined)?.item;
  return item?.kind === 'endpoint' ? (item as BatchEndpointInfo) : undefined;
}

async function allPages<T>(
  read: (token: string | undefined) => Promise<{ items: T[]; continuationToken?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}
