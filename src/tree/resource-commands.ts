// Context-menu actions on sidebar nodes: copy the scoring URI or resource ID, open in Azure ML Studio or the
// Azure portal, show the ARM JSON read-only. They need a node, so package.json hides them from the palette.
import * as vscode from 'vscode';
import {
  type CloudDefinition,
  portalResourceUrl,
  studioEndpointUrl,
  studioWorkspaceUrl,
  type BatchDeploymentInfo,
  type BatchEndpointInfo,
  type WorkspaceInfo,
} from '../core/azure';
import type { SidebarNode } from './sidebar-node';
import { registerCommand } from '../commands/register-command';

export const RESOURCE_COMMANDS = {
  copyScoringUri: 'adfBatchEndpoints.copyScoringUri',
  openInStudio: 'adfBatchEndpoints.openInStudio',
  openInPortal: 'adfBatchEndpoints.openInPortal',
  showProperties: 'adfBatchEndpoints.showProperties',
  copyResourceId: 'adfBatchEndpoints.copyResourceId',
} as const;

/** Read-only documents of this scheme show a resource's ARM JSON. */
export const PROPERTIES_SCHEME = 'adf-batch-properties';

type ResourceInfo = WorkspaceInfo | BatchEndpointInfo | BatchDeploymentInfo;

/** The resource behind a node, when it has one (workspace, endpoint and deployment nodes carry `item`). */
function resourceOf(node: unknown): ResourceInfo | undefined {
  const item = (node as { item?: { kind?: unknown } } | undefined)?.item;
  return item && (item.kind === 'workspace' || item.kind === 'endpoint' || item.kind === 'deployment')
    ? (item as ResourceInfo)
    : undefined;
}

class PropertiesDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  show(resource: ResourceInfo): Thenable<vscode.TextEditor> {
    const uri = vscode.Uri.from({
      scheme: PROPERTIES_SCHEME,
      path: `/${resource.name}.json`,
      query: new URLSearchParams({ id: resource.id }).toString(),
    });
    this.contents.set(uri.toString(), `${JSON.stringify(resource.raw, null, 2)}\n`);
    return vscode.workspace.openTextDocument(uri).then((doc) => vscode.window.showTextDocument(doc, { preview: true }));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ?? '// These properties are no longer loaded: use "Show Properties" again.\n'
    );
  }
}

export function registerResourceCommands(cloud: () => CloudDefinition | undefined): vscode.Disposable[] {
  const documents = new PropertiesDocuments();
  const withResource = (
    id: string,
    run: (resource: ResourceInfo, cloud: CloudDefinition | undefined) => Promise<unknown>,
  ): vscode.Disposable =>
    registerCommand(id, async (node?: SidebarNode) => {
      const resource = resourceOf(node);
      if (!resource) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Run this from a workspace, batch endpoint or deployment in the Batch Endpoints view.'),
        );
        return;
      }
      await run(resource, cloud());
    });

  return [
    vscode.workspace.registerTextDocumentContentProvider(PROPERTIES_SCHEME, documents),
    withResource(RESOURCE_COMMANDS.copyScoringUri, async (resource) => {
      if (resource.kind !== 'endpoint' || !resource.scoringUri)
        throw new Error(vscode.l10n.t('{0} has no scoring URI yet.', resource.name));
      await vscode.env.clipboard.writeText(resource.scoringUri);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the scoring URI of {0}', resource.name), 3000);
    }),
    withResource(RESOURCE_COMMANDS.copyResourceId, async (resource) => {
      await vscode.env.clipboard.writeText(resource.id);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the resource ID of {0}', resource.name), 3000);
    }),
    withResource(RESOURCE_COMMANDS.openInStudio, async (resource, c) => {
      const current = requireCloud(c);
      const url =
        resource.kind === 'workspace'
          ? studioWorkspaceUrl(current, resource)
          : resource.kind === 'endpoint'
            ? studioEndpointUrl(current, resource)
            : studioEndpointUrl(current, resource.endpoint);
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    withResource(RESOURCE_COMMANDS.openInPortal, async (resource, c) => {
      const tenantId =
        resource.kind === 'workspace'
          ? resource.tenantId
          : resource.kind === 'endpoint'
            ? resource.workspace.tenantId
            : resource.endpoint.workspace.tenantId;
      await vscode.env.openExternal(vscode.Uri.parse(portalResourceUrl(requireCloud(c), resource.id, tenantId)));
    }),
    withResource(RESOURCE_COMMANDS.showProperties, (resource) => Promise.resolve(documents.show(resource))),
  ];
}

function requireCloud(cloud: CloudDefinition | undefined): CloudDefinition {
  if (!cloud) throw new Error('Sign in first.');
  return cloud;
}
