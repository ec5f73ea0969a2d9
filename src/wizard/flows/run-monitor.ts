// The Run step: starting the published pipeline (SecureString values asked in a password box, never kept),
// following it until it ends, and cancelling it.
import * as l10n from '@vscode/l10n';
import { monitorRun, type FactoryInfo } from '../../core/publish';
import { RunValueError, runParameterValues } from '../run-parameters';
import type { WizardState } from '../state';
import type { FlowContext } from './context';

/** A pipeline was published and no run of it is being started or followed. */
export function canStartRun(state: WizardState): boolean {
  const status = state.run.status;
  return state.published !== undefined && status !== 'starting' && status !== 'running' && status !== 'cancelling';
}

/** Resolves when the run being followed has ended (or immediately when none is). */
export async function whenRunEnded(
  state: WizardState,
  onDidChange: (listener: () => void) => { dispose(): void },
): Promise<void> {
  while (['starting', 'running', 'cancelling'].includes(state.run.status)) {
    await new Promise<void>((resolve) => {
      const subscription = onDidChange(() => {
        subscription.dispose();
        resolve();
      });
    });
  }
}

export async function runNow(ctx: FlowContext, values: Record<string, string>): Promise<void> {
  const { state, env } = ctx;
  const published = state.published;
  if (!published || !canStartRun(state)) return;
  const parameters = state.run.parameters;
  const typed = Object.fromEntries(
    Object.entries(values).filter(([name]) => parameters.some((p) => p.name === name && !p.secure)),
  );
  state.run = { ...state.run, values: typed };
  const secure: Record<string, string> = {};
  for (const p of parameters.filter((x) => x.secure)) {
    const value = await env.prompts.secret({
      title: l10n.t('Run {0}', published.document.name),
      prompt: l10n.t('Value of {0} (SecureString: masked in the run history, never stored by VS Code)', p.name),
    });
    if (value === undefined) {
      state.notice = l10n.t('The run was not started.');
      return ctx.changed();
    }
    if (value) env.log.addSecret(value);
    secure[p.name] = value;
  }
  let runParameters: Record<string, unknown>;
  try {
    runParameters = runParameterValues(parameters, typed, secure);
  } catch (error) {
    if (!(error instanceof RunValueError)) throw error;
    state.notice = error.message;
    return ctx.changed();
  }
  state.run = { parameters, values: typed, status: 'starting', activities: [] };
  state.busy = l10n.t('Starting the run...');
  ctx.changed();
  const factory = published.factory;
  let runId: string | undefined;
  await ctx.guard({
    step: 'run',
    operation: 'createRun',
    retry: () => runNow(ctx, values),
    factoryName: factory.name,
    run: async () => {
      const azure = await env.azure();
      runId = await azure.runs.createRun(factory, published.document.name, runParameters);
      env.log.info(
        `Started run ${runId} of pipeline ${published.document.name} in ${factory.name} (parameters given: ${Object.keys(runParameters).join(', ') || 'none'}).`,
      );
    },
  });
  state.busy = undefined;
  if (!runId) {
    state.run = { ...state.run, status: 'idle' };
    return ctx.changed();
  }
  const startedAt = new Date().toISOString();
  state.run = { ...state.run, status: 'running', runId, startedAt };
  ctx.changed();
  // The Pipeline Runs view keeps the run (ids and factory only) across a closed panel or a window reload.
  await env.runs
    .track({
      runId,
      factoryId: factory.id,
      pipelineName: published.document.name,
      tenantId: state.endpoint.workspace.tenantId,
      source: 'wizard',
      startedAt,
    })
    .catch((error: unknown) => env.log.warn(`The Pipeline Runs view could not keep run ${runId}: ${String(error)}`));
  void follow(ctx, factory, runId);
}

async function follow(ctx: FlowContext, factory: FactoryInfo, runId: string): Promise<void> {
  const { state, env } = ctx;
  state.runAbort?.abort();
  const abort = new AbortController();
  state.runAbort = abort;
  const workspace = state.endpoint.workspace;
  await ctx.guard({
    step: 'run',
    operation: 'monitorRun',
    retry: () => follow(ctx, factory, runId),
    factoryName: factory.name,
    // Following stopped (the panel closed, or a newer run is followed): its aborted read is no error.
    signal: abort.signal,
    run: async () => {
      const azure = await env.azure();
      const last = await monitorRun(azure.runs, factory, runId, {
        intervalMs: env.monitorIntervalMs,
        signal: abort.signal,
        context: { mlStudioUrl: env.cloud.mlStudioUrl, workspaceId: workspace.id, tenantId: workspace.tenantId },
        onSnapshot: (snapshot) => {
          if (ctx.isDisposed() || state.run.runId !== runId) return;
          state.run = {
            ...state.run,
            status: snapshot.done ? 'ended' : state.run.status === 'cancelling' ? 'cancelling' : 'running',
            pipelineStatus: snapshot.status,
            message: snapshot.message,
            activities: snapshot.activities.map((a) => ({
              name: a.name,
              type: a.type,
              status: a.status,
              runs: a.runs,
              ...(a.durationMs !== undefined ? { durationMs: a.durationMs } : {}),
              ...(a.error ? { error: a.error } : {}),
            })),
            ...(snapshot.job ? { job: snapshot.job } : {}),
            ...(snapshot.done ? { endedAt: new Date().toISOString() } : {}),
          };
          ctx.changed();
        },
      });
      if (last.done)
        env.log.info(
          `Run ${runId} ended: ${last.status}${last.job ? `; batch job ${last.job.name}: ${last.job.status ?? 'unknown'}` : ''}.`,
        );
    },
  });
  if (state.run.runId === runId && state.run.status !== 'ended' && !abort.signal.aborted)
    state.run = { ...state.run, status: 'ended' };
  ctx.changed();
}

export async function cancelRun(ctx: FlowContext): Promise<void> {
  const { state, env } = ctx;
  const runId = state.run.runId;
  const published = state.published;
  if (!runId || !published || (state.run.status !== 'running' && state.run.status !== 'starting')) return;
  state.run = { ...state.run, status: 'cancelling' };
  ctx.changed();
  await ctx.guard({
    step: 'run',
    operation: 'cancelRun',
    retry: () => cancelRun(ctx),
    factoryName: published.factory.name,
    run: async () => {
      const azure = await env.azure();
      await azure.runs.cancelRun(published.factory, runId);
      env.log.info(`Asked Data Factory to cancel run ${runId}.`);
    },
  });
  if (state.error?.step === 'run' && state.run.status === 'cancelling') state.run = { ...state.run, status: 'running' };
  ctx.changed();
}

/** Where a link of the Publish and Run steps goes (undefined when there is none for this cloud or state). */
export function linkUrl(ctx: FlowContext, link: 'adfStudio' | 'portal' | 'job' | 'endpoint'): string | undefined {
  const { state, env } = ctx;
  if (link === 'adfStudio') return state.publishView.result?.adfStudioUrl;
  if (link === 'portal') return state.publishView.result?.portalUrl;
  if (link === 'job') return state.run.job?.studioUrl;
  if (!env.cloud.mlStudioUrl) return undefined;
  const { endpoint } = state;
  const query = new URLSearchParams({ wsid: endpoint.workspace.id, tid: endpoint.workspace.tenantId });
  return `${env.cloud.mlStudioUrl}/endpoints/batch/${encodeURIComponent(endpoint.name)}/details?${query.toString()}`;
}
