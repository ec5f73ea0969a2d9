// Wires the Data Factory actions: the live pipeline documents, the pipeline commands of the sidebar and the
// "Pipeline Runs" view, all through the one Azure access service.
import type * as vscode from 'vscode';
import type { SidebarApi } from '../tree/sidebar-api';
import type { AzureAccess } from '../azure/access';
import { registerRunsView, type RunsViewApi } from './runs-view/register-runs-view';
import { LivePipelineDocuments, LivePipelines } from './live-pipelines';
import { registerPipelineCommands } from './pipeline-commands';

declare module '../api' {
  interface ExtensionApi {
    /** The "Pipeline Runs" view (tracked runs, poller). */
    readonly runsView?: RunsViewApi;
  }
}

export function registerFactoryActions(
  context: vscode.ExtensionContext,
  access: AzureAccess,
  sidebar: SidebarApi,
): RunsViewApi {
  const live = new LivePipelines(access);
  const documents = new LivePipelineDocuments(live);
  const runs = registerRunsView(context, access, live);
  context.subscriptions.push(
    documents.register(),
    ...registerPipelineCommands({
      live,
      documents,
      runs,
      refreshFactory(node) {
        const tree = sidebar.treeProvider;
        tree.factoryLoader().refreshUsage();
        tree.refreshNode(node.parent ?? node);
      },
    }),
  );
  return runs;
}
