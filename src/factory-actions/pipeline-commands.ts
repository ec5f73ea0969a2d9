// The actions on a factory pipeline in the sidebar: Open (read-only live JSON), Compare with Workspace File (VS Code's
// diff editor, live on the left), Download to Workspace (the git-integration file pipeline/<name>.json; overwriting
// asks first), Run... (parameters prompted, the run followed in the Pipeline Runs view) and Delete (modal
// confirmation, If-Match on the ETag the tree read).
import * as vscode from 'vscode';
import { uriExists } from '../workspace-files';
import { withAzureProgress } from '../commands/azure-progress';
import { registerCommand } from '../commands/register-command';
import type { PipelineNode } from '../tree/pipeline-nodes';
import type { RunsViewApi } from './runs-view/register-runs-view';
import type { LivePipelineDocuments, LivePipelines } from './live-pipelines';
import { addressOf, pipelineUri } from './pipeline-address';
import { declaredParameters, promptRunParameters } from './run-prompt';

export const PIPELINE_COMMANDS = {
  open: 'adfBatchEndpoints.pipeline.open',
  compare: 'adfBatchEndpoints.pipeline.compareWithWorkspaceFile',
  download: 'adfBatchEndpoints.pipeline.downloadToWorkspace',
  run: 'adfBatchEndpoints.pipeline.run',
  delete: 'adfBatchEndpoints.pipeline.delete',
} as const;

export interface PipelineCommandDeps {
  live: LivePipelines;
  documents: LivePipelineDocuments;
  runs: RunsViewApi;
  /** Reloads the factory's pipeline lists in the sidebar (after a delete). */
  refreshFactory(node: PipelineNode): void;
}

export function registerPipelineCommands(deps: PipelineCommandDeps): vscode.Disposable[] {
  return [
    registerCommand(PIPELINE_COMMANDS.open, async (node?: PipelineNode) => {
      const pipeline = nodeOrThrow(node).pipeline;
      const uri = pipelineUri(addressOf(pipeline));
      await reading(pipeline, (signal) => deps.documents.load(uri, signal));
      const document = await vscode.languages.setTextDocumentLanguage(
        await vscode.workspace.openTextDocument(uri),
        'json',
      );
      await vscode.window.showTextDocument(document, { preview: true });
      return document.uri;
    }),
    registerCommand(PIPELINE_COMMANDS.compare, async (node?: PipelineNode) => {
      const pipeline = nodeOrThrow(node).pipeline;
      const local = (await findWorkspaceFile(pipeline.name)) ?? (await pickLocalFile(pipeline.name));
      if (!local) return undefined;
      const live = pipelineUri(addressOf(pipeline));
      await reading(pipeline, (signal) => deps.documents.load(live, signal));
      await vscode.commands.executeCommand(
        'vscode.diff',
        live,
        local,
        `${pipeline.name} (${pipeline.factory.name}) ↔ ${vscode.workspace.asRelativePath(local)}`,
      );
      return local;
    }),
    registerCommand(PIPELINE_COMMANDS.download, async (node?: PipelineNode) => {
      const pipeline = nodeOrThrow(node).pipeline;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder)
        throw new Error(vscode.l10n.t('Open a folder first: the pipeline is written to pipeline/<name>.json in it.'));
      const target =
        (await findWorkspaceFile(pipeline.name)) ??
        vscode.Uri.joinPath(folder.uri, 'pipeline', `${pipeline.name}.json`);
      if (await uriExists(target)) {
        const overwrite = vscode.l10n.t('Overwrite');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t(
            '{0} exists. Overwrite it with the live pipeline from {1}?',
            vscode.workspace.asRelativePath(target),
            pipeline.factory.name,
          ),
          { modal: true },
          overwrite,
        );
        if (choice !== overwrite) return undefined;
      }
      const text = await reading(pipeline, (signal) => deps.live.text(addressOf(pipeline), signal));
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      await vscode.window.showTextDocument(target, { preview: true });
      return target;
    }),
    registerCommand(PIPELINE_COMMANDS.run, async (node?: PipelineNode) => {
      const pipeline = nodeOrThrow(node).pipeline;
      const address = addressOf(pipeline);
      const current = await reading(pipeline, (signal) => deps.live.read(address, signal));
      const parameters = await promptRunParameters(pipeline.name, declaredParameters(current.properties));
      if (!parameters) return undefined;
      const runId = await withAzureProgress(vscode.l10n.t('Starting {0}...', pipeline.name), (signal) =>
        deps.live.createRun(address, parameters, undefined, signal),
      );
      await deps.runs.track({
        runId,
        factoryId: pipeline.factory.id,
        pipelineName: pipeline.name,
        tenantId: pipeline.factory.tenantId,
        source: 'tree',
      });
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('Started {0} (run {1}).', pipeline.name, runId),
          vscode.l10n.t('Show Runs'),
        )
        .then((c) => {
          if (c) void vscode.commands.executeCommand('adfBatchEndpoints.pipelineRuns.focus');
        });
      return runId;
    }),
    registerCommand(PIPELINE_COMMANDS.delete, async (node?: PipelineNode) => {
      const target = nodeOrThrow(node);
      const pipeline = target.pipeline;
      const remove = vscode.l10n.t('Delete');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete pipeline {0} from {1}?', pipeline.name, pipeline.factory.name),
        {
          modal: true,
          detail: vscode.l10n.t(
            'The live pipeline is removed from the factory (its triggers stop finding it). Files in your workspace stay. This cannot be undone here.',
          ),
        },
        remove,
      );
      if (choice !== remove) return false;
      try {
        await withAzureProgress(
          vscode.l10n.t('Deleting {0} from {1}...', pipeline.name, pipeline.factory.name),
          (signal) => deps.live.delete(addressOf(pipeline), pipeline.etag, signal),
        );
      } finally {
        // Deleted, or changed by someone else (412): either way the list shows what is live now.
        deps.refreshFactory(target);
      }
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Deleted pipeline {0} from {1}.', pipeline.name, pipeline.factory.name),
      );
      return true;
    }),
  ];
}

/** Reads the live pipeline under a cancellable notification (Cancel aborts the request). */
function reading<T>(pipeline: PipelineNode['pipeline'], work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return withAzureProgress(vscode.l10n.t('Reading {0} from {1}...', pipeline.name, pipeline.factory.name), work);
}

function nodeOrThrow(node: PipelineNode | undefined): PipelineNode {
  if (!node?.pipeline) throw new Error(vscode.l10n.t('Choose a pipeline in the Batch Endpoints view.'));
  return node;
}

/** The git-integration file of the pipeline in the open folders: pipeline/<name>.json (any root folder). */
async function findWorkspaceFile(name: string): Promise<vscode.Uri | undefined> {
  const glob = `**/pipeline/${name.replace(/[[\]{}*?]/g, '?')}.json`;
  const found = await vscode.workspace.findFiles(glob, '**/node_modules/**', 2);
  return found.sort((a, b) => a.path.length - b.path.length)[0];
}

async function pickLocalFile(name: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('No pipeline/{0}.json in the workspace: choose the file to compare with', name),
    canSelectMany: false,
    filters: { JSON: ['json'] },
  });
  return picked?.[0];
}
