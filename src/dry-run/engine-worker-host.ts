// Runs runPipelineFile in a worker thread (dist/dry-run-worker.js) with the same request and result, relaying the
// hooks as messages: events, the stand-in's tokens, and Cancel. Cancel asks the engine to cancel (ADF's way:
// activities end Cancelled); a worker still busy after a grace period (a synchronous evaluation) is terminated,
// and the run ends Cancelled from the last records the host saw. A worker that dies (out of memory under its heap
// limit) fails the run, never the extension host.
import { Worker } from 'node:worker_threads';
import type {
  ActivityRunRecord,
  PipelineRunRecord,
  RunPipelineEvent,
  RunPipelineFileRequest,
  RunPipelineFileResult,
} from '../core/engine';
import type { FromWorker, ToWorker, WorkerRunRequest } from './worker-protocol';

/** How long the engine may take to wind down after Cancel before the thread is terminated. */
const CANCEL_GRACE_MS = 2_000;
/** The worker's heap: a run over it fails alone. */
const WORKER_HEAP_MB = 1_024;

export function runPipelineFileInWorker(
  workerFile: string,
  request: RunPipelineFileRequest,
): Promise<RunPipelineFileResult> {
  const { onEvent, signal, standIn, ...plain } = request;
  const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const send = (message: ToWorker): void => worker.postMessage(message);
  // What the host saw, to end the run itself when the worker cannot.
  let pipelineRun: PipelineRunRecord | undefined;
  const activityRuns = new Map<string, ActivityRunRecord>();
  const notices: string[] = [];
  const seen = (event: RunPipelineEvent): void => {
    if (event.kind === 'pipelineRun') pipelineRun = event.run;
    else if (event.kind === 'activityRun') activityRuns.set(event.run.activityRunId, event.run);
    else if (event.kind === 'notice') notices.push(event.message);
    onEvent?.(event);
  };

  return new Promise<RunPipelineFileResult>((resolve) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (result: RunPipelineFileResult): void => {
      if (settled) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      resolve(result);
    };
    /** Ends the run on the host's side with `status`, as the records last seen, then stops the thread. */
    const endHere = (status: 'Cancelled' | 'Failed', message: string): void => {
      if (settled) return;
      const last = pipelineRun;
      if (!last) return finish({ outcome: 'refused', message });
      const end = new Date().toISOString();
      const ended = (run: ActivityRunRecord): ActivityRunRecord =>
        run.status === 'InProgress' || run.status === 'Queued'
          ? {
              ...run,
              status,
              activityRunEnd: end,
              error: { errorCode: status, message, failureType: 'UserError', target: run.activityName },
            }
          : run;
      for (const run of activityRuns.values()) {
        const final = ended(run);
        if (final !== run) seen({ kind: 'activityRun', run: final });
      }
      const final: PipelineRunRecord = { ...last, status, message, runEnd: end };
      seen({ kind: 'pipelineRun', run: final });
      finish({ outcome: 'completed', pipelineRun: final, activityRuns: [...activityRuns.values()], notices });
    };
    function cancel(): void {
      send({ kind: 'cancel' });
      killTimer ??= setTimeout(
        () => endHere('Cancelled', 'Cancelled: the engine did not stop in time and was terminated.'),
        CANCEL_GRACE_MS,
      );
    }

    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'events':
          for (const event of message.events) seen(event);
          return;
        case 'tokenRequest':
          if (!standIn) return send({ kind: 'token', id: message.id, error: 'No stand-in identity.' });
          standIn.tokens(message.resource, signal).then(
            (token) => send({ kind: 'token', id: message.id, token }),
            (error: unknown) =>
              send({ kind: 'token', id: message.id, error: error instanceof Error ? error.message : String(error) }),
          );
          return;
        case 'result':
          return finish(message.result);
        case 'failed':
          return endHere('Failed', `The Dry Run engine failed: ${message.message}`);
      }
    });
    worker.on('error', (error) => endHere('Failed', `The Dry Run engine stopped: ${error.message}`));
    worker.on('exit', (code) => endHere('Failed', `The Dry Run engine stopped (exit code ${code}).`));

    const start: WorkerRunRequest = plain;
    send({ kind: 'start', request: start, ...(standIn ? { standInName: standIn.name } : {}) });
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}
