// Pipeline runs of the emulated Data Factory: a store of runs and activity runs, and the pluggable
// executor that decides what a run does. The default executor succeeds without running activities;
// a local engine can implement PipelineRunExecutor to really run the pipeline's activities.
import { randomUUID } from 'node:crypto';
import { SecretRedactor } from '../../src/core/engine';
import type {
  ActivityRunError,
  ActivityRunRecord,
  ActivityRunStatus,
  FactoryEntity,
  FactoryState,
  PipelineRunState,
  PipelineRunStatus,
} from './world-types';

/** A top-level activity a recovery run does not run again: it succeeded in the referenced run. */
export interface ReusedActivity {
  activityName: string;
  output: unknown;
}

/** What createRun's recovery parameters resolved to (see routes/arm-datafactory-runs.ts). */
export interface RecoveryPlan {
  referenceRunId: string;
  runGroupId: string;
  /** Activities to take as done, with their outputs from the referenced run. */
  reuse: ReusedActivity[];
}

/** Handle an executor uses to report one activity run. */
export interface ActivityRunHandle {
  readonly activityRunId: string;
  succeed(output?: unknown): void;
  fail(
    error: { message: string; errorCode?: string; failureType?: 'UserError' | 'SystemError' },
    output?: unknown,
  ): void;
  finish(status: 'Skipped' | 'Cancelled', output?: unknown): void;
}

export interface PipelineRunResult {
  status: 'Succeeded' | 'Failed' | 'Cancelled';
  message?: string;
}

/** Everything an executor gets to run one pipeline run. */
export interface PipelineRunContext {
  readonly runId: string;
  readonly pipelineName: string;
  /** Effective parameter values, secrets unmasked. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The pipeline exactly as stored (raw JSON from the PUT). */
  readonly pipeline: { name: string; properties: Record<string, unknown> };
  readonly factory: {
    subscriptionId: string;
    resourceGroup: string;
    name: string;
    id: string;
    tenantId: string;
    /** Principal id of the system-assigned managed identity, or null. */
    identityPrincipalId: string | null;
  };
  /** Raw `properties` of the factory's linked services and credentials, by name. */
  readonly linkedServices: Readonly<Record<string, Record<string, unknown>>>;
  readonly credentials: Readonly<Record<string, Record<string, unknown>>>;
  /** Another pipeline of the same factory, as stored (for Execute Pipeline), or undefined. */
  getPipeline(name: string): { name: string; properties: Record<string, unknown> } | undefined;
  /** The emulator's base URL and CA, to call its endpoints (scoring URIs, Entra ID) over HTTPS. */
  readonly emulator: { url: string; caCertPem: string; timeScale: number };
  /** Aborted when the run is cancelled. */
  readonly signal: AbortSignal;
  /** Set for a recovery run: the referenced run and the activities it does not run again. */
  readonly recovery?: RecoveryPlan;
  startActivityRun(init: {
    activityName: string;
    activityType: string;
    input?: unknown;
    linkedServiceName?: string;
  }): ActivityRunHandle;
  /** A token for the factory's system-assigned identity, or for the user-assigned identity of an ADF credential. */
  issueManagedIdentityToken(resource: string, credentialName?: string): string;
  /** A secret of an emulated Key Vault (`baseUrl` like `https://myvault.vault.azure.net/`). */
  getKeyVaultSecret(baseUrl: string, secretName: string): string | undefined;
  /** Waits `ms` divided by the emulator's timeScale; rejects when the run is cancelled. */
  sleep(ms: number): Promise<void>;
}

export interface PipelineRunExecutor {
  execute(context: PipelineRunContext): Promise<PipelineRunResult>;
}

/** Services the store needs from the emulator. */
export interface PipelineRunServices {
  url: string;
  caCertPem: string;
  timeScale: number;
  issueManagedIdentityToken(factory: FactoryState, resource: string, credentialName?: string): string;
  getKeyVaultSecret(baseUrl: string, secretName: string): string | undefined;
}

/** Default: the run takes a moment and succeeds, with no activity runs. */
export const succeedingPipelineRunExecutor: PipelineRunExecutor = {
  async execute(context) {
    await context.sleep(300);
    return { status: 'Succeeded' };
  },
};

const QUEUE_DELAY_MS = 200;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('Pipeline run cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('Pipeline run cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isTerminal(status: PipelineRunStatus): boolean {
  return status === 'Succeeded' || status === 'Failed' || status === 'Cancelled';
}

export class PipelineRunStore {
  private executor: PipelineRunExecutor;
  private readonly active = new Set<PipelineRunState>();

  constructor(
    private readonly services: PipelineRunServices,
    executor?: PipelineRunExecutor,
  ) {
    this.executor = executor ?? succeedingPipelineRunExecutor;
  }

  setExecutor(executor: PipelineRunExecutor): void {
    this.executor = executor;
  }

  /** Records a Queued run and starts it in the background. */
  create(
    factory: FactoryState,
    pipeline: FactoryEntity,
    parameters: Record<string, unknown>,
    secureParameters: string[],
    recovery?: RecoveryPlan,
  ): PipelineRunState {
    const now = new Date();
    const runId = randomUUID();
    const run: PipelineRunState = {
      runId,
      // Recovery: "the specified referenced pipeline run and the new run will be grouped under the same groupId" (ADF REST createRun).
      runGroupId: recovery?.runGroupId ?? runId,
      pipelineName: pipeline.name,
      parameters,
      secureParameters,
      status: 'Queued',
      message: '',
      runStart: now,
      lastUpdated: now,
      invokedBy: { name: 'Manual', id: randomUUID().replace(/-/g, ''), invokedByType: 'Manual' },
      activityRuns: [],
      factory,
      controller: new AbortController(),
      isLatest: true,
      redactor: new SecretRedactor(),
    };
    for (const name of secureParameters) run.redactor.add(parameters[name]);
    if (recovery)
      for (const other of factory.runs.values()) if (other.runGroupId === run.runGroupId) other.isLatest = false;
    factory.runs.set(runId, run);
    this.active.add(run);
    void this.execute(run, { name: pipeline.name, properties: structuredClone(pipeline.properties) }, recovery);
    return run;
  }

  /** Cancels a run: Canceling while the executor stops, then Cancelled. No-op for finished runs. */
  cancel(run: PipelineRunState): void {
    if (isTerminal(run.status) || run.controller.signal.aborted) return;
    this.update(run, run.status === 'Queued' ? 'Cancelled' : 'Canceling');
    run.controller.abort();
  }

  /** Aborts every unfinished run (reset/stop). */
  abortAll(): void {
    for (const run of this.active) run.controller.abort();
    this.active.clear();
  }

  private update(run: PipelineRunState, status: PipelineRunStatus, message?: string): void {
    run.status = status;
    if (message !== undefined) run.message = run.redactor.redactText(message);
    run.lastUpdated = new Date();
    if (isTerminal(status)) {
      run.runEnd = run.lastUpdated;
      this.active.delete(run);
    }
  }

  private async execute(
    run: PipelineRunState,
    pipeline: { name: string; properties: Record<string, unknown> },
    recovery?: RecoveryPlan,
  ): Promise<void> {
    const signal = run.controller.signal;
    try {
      await abortableSleep(QUEUE_DELAY_MS / this.services.timeScale, signal);
    } catch {
      this.finishCancelled(run);
      return;
    }
    this.update(run, 'InProgress');
    let result: PipelineRunResult;
    try {
      result = await this.executor.execute(this.context(run, pipeline, recovery));
    } catch (error) {
      result = signal.aborted
        ? { status: 'Cancelled' }
        : { status: 'Failed', message: `Pipeline run executor failed: ${(error as Error).message}` };
    }
    if (signal.aborted) this.finishCancelled(run);
    else this.update(run, result.status, result.message ?? (result.status === 'Failed' ? 'Pipeline run failed.' : ''));
  }

  private finishCancelled(run: PipelineRunState): void {
    if (isTerminal(run.status)) return;
    const now = new Date();
    for (const a of run.activityRuns) {
      if (a.status === 'InProgress' || a.status === 'Queued')
        Object.assign(a, { status: 'Cancelled', activityRunEnd: now });
    }
    this.update(run, 'Cancelled', 'Pipeline run cancelled.');
  }

  private context(
    run: PipelineRunState,
    pipeline: { name: string; properties: Record<string, unknown> },
    recovery?: RecoveryPlan,
  ): PipelineRunContext {
    const factory = run.factory;
    const rg = factory.resourceGroup;
    const byName = (map: Map<string, FactoryEntity>): Record<string, Record<string, unknown>> =>
      Object.fromEntries([...map.values()].map((e) => [e.name, structuredClone(e.properties)]));
    const services = this.services;
    const touch = (): void => {
      run.lastUpdated = new Date();
    };
    return {
      runId: run.runId,
      pipelineName: run.pipelineName,
      parameters: structuredClone(run.parameters),
      pipeline,
      factory: {
        subscriptionId: rg.subscription.id,
        resourceGroup: rg.name,
        name: factory.name,
        id: factory.id,
        tenantId: rg.subscription.tenantId,
        identityPrincipalId: factory.identity?.principalId ?? null,
      },
      linkedServices: byName(factory.linkedServices),
      credentials: byName(factory.credentials),
      getPipeline(name) {
        const stored = factory.pipelines.get(name.toLowerCase());
        return stored ? { name: stored.name, properties: structuredClone(stored.properties) } : undefined;
      },
      emulator: { url: services.url, caCertPem: services.caCertPem, timeScale: services.timeScale },
      signal: run.controller.signal,
      ...(recovery ? { recovery: structuredClone(recovery) } : {}),
      startActivityRun(init) {
        const record: ActivityRunRecord = {
          activityRunId: randomUUID(),
          pipelineRunId: run.runId,
          pipelineName: run.pipelineName,
          activityName: init.activityName,
          activityType: init.activityType,
          linkedServiceName: init.linkedServiceName,
          status: 'InProgress',
          activityRunStart: new Date(),
          input: run.redactor.redact(init.input ?? {}),
          output: {},
        };
        run.activityRuns.push(record);
        touch();
        const end = (status: ActivityRunStatus, output: unknown, error?: ActivityRunError): void => {
          if (record.status !== 'InProgress') return;
          const masked = run.redactor.redact({ output: output ?? {}, error });
          Object.assign(record, { status, activityRunEnd: new Date(), ...masked });
          touch();
        };
        return {
          activityRunId: record.activityRunId,
          succeed: (output) => end('Succeeded', output),
          fail: (error, output) =>
            end('Failed', output, {
              errorCode: error.errorCode ?? '2011',
              message: error.message,
              failureType: error.failureType ?? 'UserError',
              target: init.activityName,
            }),
          finish: (status, output) => end(status, output),
        };
      },
      issueManagedIdentityToken: (resource, credentialName) => {
        const token = services.issueManagedIdentityToken(factory, resource, credentialName);
        run.redactor.add(token);
        return token;
      },
      getKeyVaultSecret: (baseUrl, secretName) => {
        const secret = services.getKeyVaultSecret(baseUrl, secretName);
        run.redactor.add(secret);
        return secret;
      },
      sleep: (ms) => abortableSleep(ms / services.timeScale, run.controller.signal),
    };
  }
}
