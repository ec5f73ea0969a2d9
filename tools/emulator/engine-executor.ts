// The emulator's pipeline runs, executed by the local engine: createRun runs the published pipeline for real
// (Web calls go to the emulator over HTTPS, trusting its CA), and the engine's activity runs are reported to the
// emulator's run store, so pipelineRuns.get and activityRuns.queryByPipelineRun return what really happened.
import {
  defaultExpressionEvaluator,
  type ExpressionEvaluator,
  createNodeHttpClient,
  type HttpClient,
  type IdentityResolver,
  clientCredentialsToken,
  RunInputError,
  PipelineEngine,
  type ActivityRunRecord,
  type PipelineDefinition,
} from '../../src/core/engine';
import type { ActivityRunHandle, PipelineRunContext, PipelineRunExecutor, PipelineRunResult } from './pipeline-runs';

export interface EngineExecutorOptions {
  /** Default: the evaluator of src/core/expressions. */
  evaluator?: ExpressionEvaluator;
  /** Real ms between polls of a Web activity's 202 + Location pattern. Default 1000 divided by the time scale. */
  webAsyncPollMs?: number;
}

export function createEngineExecutor(options: EngineExecutorOptions = {}): PipelineRunExecutor {
  const evaluator = options.evaluator ?? defaultExpressionEvaluator();
  return { execute: (context) => executeWithEngine(context, { ...options, evaluator }) };
}

async function executeWithEngine(
  context: PipelineRunContext,
  options: EngineExecutorOptions & { evaluator: ExpressionEvaluator },
): Promise<PipelineRunResult> {
  const http = createNodeHttpClient({ ca: context.emulator.caCertPem });
  const engine = new PipelineEngine({
    evaluator: options.evaluator,
    http,
    identity: emulatorIdentity(context, http),
    timeScale: context.emulator.timeScale,
    dataFactoryName: context.factory.name,
    pipelines: { getPipeline: async (name) => context.getPipeline(name) as unknown as PipelineDefinition | undefined },
    webAsyncPollMs: options.webAsyncPollMs ?? Math.max(10, 1000 / context.emulator.timeScale),
  });
  const detach = bridgeActivityRuns(engine, context);
  try {
    const record = await engine.run({
      pipeline: context.pipeline as unknown as PipelineDefinition,
      parameters: { ...context.parameters },
      runId: context.runId,
      signal: context.signal,
      ...(context.recovery ? { reusedActivities: context.recovery.reuse } : {}),
    });
    if (record.status === 'Succeeded') return { status: 'Succeeded' };
    if (record.status === 'Cancelled') return { status: 'Cancelled' };
    return { status: 'Failed', message: record.message };
  } catch (error) {
    if (error instanceof RunInputError) return { status: 'Failed', message: error.message };
    throw error;
  } finally {
    // Let the last events (already queued as microtasks) reach the emulator before detaching.
    await Promise.resolve();
    detach();
  }
}

/**
 * Mirrors the engine's activity runs into the emulator's store. The emulator fixes an activity run's input
 * when it starts, and the engine learns the input in the same tick it records the start: so the emulator run
 * is started one microtask later, with the input known.
 */
function bridgeActivityRuns(engine: PipelineEngine, context: PipelineRunContext): () => void {
  const latest = new Map<string, ActivityRunRecord>();
  const handles = new Map<string, ActivityRunHandle>();
  const ensureStarted = (id: string): ActivityRunHandle | undefined => {
    const record = latest.get(id);
    if (!record) return undefined;
    let handle = handles.get(id);
    if (!handle) {
      handle = context.startActivityRun({
        activityName: record.activityName,
        activityType: record.activityType,
        ...(record.input !== undefined ? { input: record.input } : {}),
      });
      handles.set(id, handle);
    }
    return handle;
  };
  return engine.store.onEvent((event) => {
    if (event.kind !== 'activityRun') return;
    const run = event.run;
    // A child pipeline (Execute Pipeline) is a run of its own in ADF: only this run's activities belong here.
    if (run.pipelineRunId !== context.runId) return;
    latest.set(run.activityRunId, run);
    if (run.status === 'InProgress' || run.status === 'Queued') {
      queueMicrotask(() => ensureStarted(run.activityRunId));
      return;
    }
    const handle = ensureStarted(run.activityRunId);
    if (!handle) return;
    if (run.status === 'Succeeded') handle.succeed(run.output);
    else if (run.status === 'Failed') {
      const failureType = run.error?.failureType === 'SystemError' ? 'SystemError' : 'UserError';
      handle.fail(
        {
          message: run.error?.message ?? 'The activity failed.',
          errorCode: run.error?.errorCode ?? 'Failed',
          failureType,
        },
        run.output,
      );
    } else handle.finish(run.status, run.output);
  });
}

/** Tokens and secrets as the emulated factory has them: its identities, its seeded Key Vaults, its Entra ID. */
function emulatorIdentity(context: PipelineRunContext, http: HttpClient): IdentityResolver {
  return {
    async getToken({ subject, resource, signal }) {
      switch (subject.kind) {
        case 'systemAssigned':
          return context.issueManagedIdentityToken(resource);
        case 'userAssigned':
          return context.issueManagedIdentityToken(resource, subject.credentialName);
        case 'servicePrincipal':
          return clientCredentialsToken(http, context.emulator.url, {
            ...subject,
            resource,
            ...(signal ? { signal } : {}),
          });
      }
    },
    async getKeyVaultSecret({ linkedServiceName, secretName }) {
      const entry = Object.entries(context.linkedServices).find(
        ([name]) => name.toLowerCase() === linkedServiceName.toLowerCase(),
      );
      if (!entry) throw new Error(`the factory has no linked service '${linkedServiceName}'.`);
      const properties = entry[1];
      const typeProperties = (properties.typeProperties ?? {}) as Record<string, unknown>;
      if (
        String(properties.type ?? '').toLowerCase() !== 'azurekeyvault' ||
        typeof typeProperties.baseUrl !== 'string'
      ) {
        throw new Error(`linked service '${entry[0]}' is not an Azure Key Vault linked service with a baseUrl.`);
      }
      const secret = context.getKeyVaultSecret(typeProperties.baseUrl, secretName);
      if (secret === undefined) throw new Error(`Key Vault ${typeProperties.baseUrl} has no secret '${secretName}'.`);
      return secret;
    },
  };
}
