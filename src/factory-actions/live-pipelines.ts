// The live side of a factory pipeline, through the one Azure access service: read it as ARM stores it (JSON and
// ETag), start a run (optionally a recovery run), cancel a run, delete it with If-Match. Also the read-only
// document provider behind "Open" and "Compare with Workspace File".
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import {
  DATA_FACTORY_API_VERSION,
  factoryResourceId,
  jsonOf,
  pipelinePath,
  readRemotePipeline,
  sendArm,
  type ActivityRunFacts,
  type FactoryRef,
  type PipelineRunFacts,
  type RemotePipeline,
} from '../core/publish';
import { addressOfUri, PIPELINE_SCHEME, type PipelineAddress } from './pipeline-address';
import { abortSignalOf } from '../commands/azure-progress';

export interface RecoveryOptions {
  referencePipelineRunId: string;
  /** Start from the failed activities (ADF's "Rerun from failed activity"); else the whole pipeline reruns. */
  startFromFailure: boolean;
}

export class LivePipelines {
  constructor(private readonly access: AzureAccess) {}

  /** The pipeline as ARM stores it; throws a clear error when it is gone. `signal` aborts the read. */
  async read(address: PipelineAddress, signal?: AbortSignal): Promise<RemotePipeline> {
    const azure = await this.access.wizardAzure(address.factory.subscriptionId, address.tenantId);
    const pipeline = await readRemotePipeline(azure.raw, address.factory, address.name, signal);
    if (!pipeline)
      throw new Error(vscode.l10n.t('Pipeline {0} no longer exists in {1}.', address.name, address.factory.name));
    return pipeline;
  }

  /** The git-integration file's text: `{ name, properties }`, 4-space indented as ADF Studio writes it. */
  async text(address: PipelineAddress, signal?: AbortSignal): Promise<string> {
    const pipeline = await this.read(address, signal);
    return `${JSON.stringify({ name: pipeline.name, properties: pipeline.properties }, null, 4)}\n`;
  }

  /** createRun; a recovery run carries referencePipelineRunId, isRecovery and startFromFailure as ADF's monitoring does. */
  async createRun(
    address: PipelineAddress,
    parameters: Record<string, unknown>,
    recovery?: RecoveryOptions,
    signal?: AbortSignal,
  ): Promise<string> {
    const azure = await this.access.wizardAzure(address.factory.subscriptionId, address.tenantId);
    if (!recovery) return azure.runs.createRun(address.factory, address.name, parameters, signal);
    const query = new URLSearchParams({
      'api-version': DATA_FACTORY_API_VERSION,
      referencePipelineRunId: recovery.referencePipelineRunId,
      isRecovery: 'true',
      ...(recovery.startFromFailure ? { startFromFailure: 'true' } : {}),
    });
    const response = await sendArm(azure.raw, {
      method: 'POST',
      path: `${factoryResourceId(address.factory)}/pipelines/${encodeURIComponent(address.name)}/createRun?${query.toString()}`,
      body: JSON.stringify(parameters),
      ...(signal ? { signal } : {}),
    });
    const runId = (jsonOf(response) as { runId?: unknown } | undefined)?.runId;
    if (typeof runId !== 'string') throw new Error(vscode.l10n.t('createRun answered without a run id.'));
    return runId;
  }

  async getRun(factory: FactoryRef, tenantId: string, runId: string, signal?: AbortSignal): Promise<PipelineRunFacts> {
    const azure = await this.access.wizardAzure(factory.subscriptionId, tenantId);
    return azure.runs.getRun(factory, runId, signal);
  }

  /** Activity runs of a run, updated from `since` to now (all pages). */
  async activityRuns(
    factory: FactoryRef,
    tenantId: string,
    runId: string,
    since: Date,
    signal?: AbortSignal,
  ): Promise<ActivityRunFacts[]> {
    const azure = await this.access.wizardAzure(factory.subscriptionId, tenantId);
    const runs = await azure.runs.queryActivityRuns(factory, runId, since, new Date(Date.now() + 3600_000), signal);
    return runs.sort((a, b) => (a.activityRunStart ?? '').localeCompare(b.activityRunStart ?? ''));
  }

  async cancelRun(factory: FactoryRef, tenantId: string, runId: string, signal?: AbortSignal): Promise<void> {
    const azure = await this.access.wizardAzure(factory.subscriptionId, tenantId);
    await azure.runs.cancelRun(factory, runId, signal);
  }

  /** Deletes only the version read (If-Match): a pipeline changed by someone else since is refused by ARM (412). */
  async delete(address: PipelineAddress, etag: string | undefined, signal?: AbortSignal): Promise<void> {
    const azure = await this.access.wizardAzure(address.factory.subscriptionId, address.tenantId);
    try {
      await sendArm(azure.raw, {
        method: 'DELETE',
        path: pipelinePath(address.factory, address.name),
        ...(etag ? { headers: { 'If-Match': etag } } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if ((error as { statusCode?: unknown }).statusCode !== 412) throw error;
      throw new PipelineChangedError(
        vscode.l10n.t(
          'Pipeline {0} was changed in {1} since it was listed: nothing was deleted. Look at the current version (the list is reloaded) and delete again if you still want to.',
          address.name,
          address.factory.name,
        ),
      );
    }
  }
}

/** The live pipeline is not the version the user looked at (ARM answered 412 to If-Match). */
export class PipelineChangedError extends Error {
  override readonly name = 'PipelineChangedError';
}

/** Serves `adf-pipeline:` documents (read-only: VS Code gives content providers' documents no save). */
export class LivePipelineDocuments implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  /** Texts read by `load`, handed to the next request for the document. */
  private readonly loaded = new Map<string, string>();

  constructor(private readonly live: LivePipelines) {}

  provideTextDocumentContent(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
    const key = uri.toString();
    const loaded = this.loaded.get(key);
    this.loaded.delete(key);
    return loaded !== undefined ? Promise.resolve(loaded) : this.live.text(addressOfUri(uri), abortSignalOf(token));
  }

  /**
   * Reads the pipeline again now (cancellable through `signal`): the document opened next, or the open editor,
   * shows this version.
   */
  async load(uri: vscode.Uri, signal?: AbortSignal): Promise<void> {
    this.loaded.set(uri.toString(), await this.live.text(addressOfUri(uri), signal));
    this.emitter.fire(uri);
  }

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.registerTextDocumentContentProvider(PIPELINE_SCHEME, this),
      this.emitter,
    );
  }
}
