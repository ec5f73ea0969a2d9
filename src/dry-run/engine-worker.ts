// Entry of dist/dry-run-worker.js: runs one pipeline with runPipelineFile in a worker thread, so that a long loop
// or an expensive expression never blocks the extension host, and Cancel can end the thread. Events are sent in
// batches (every 50 ms, or at 500 events), except an activity run starting, sent at once so the view shows it
// InProgress before its evaluation keeps the thread busy; the stand-in's tokens are asked of the host.
import { parentPort } from 'node:worker_threads';
import { runPipelineFile, type RunPipelineEvent } from '../core/engine';
import type { FromWorker, ToWorker } from './worker-protocol';

const FLUSH_MS = 50;
const MAX_BATCH = 500;

const port = parentPort;
if (port) {
  const post = (message: FromWorker): void => port.postMessage(message);
  const stop = new AbortController();
  const tokenReplies = new Map<number, { resolve: (token: string) => void; reject: (error: Error) => void }>();
  let nextTokenId = 1;
  let batch: RunPipelineEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    post({ kind: 'events', events: batch });
    batch = [];
  };
  const emit = (event: RunPipelineEvent): void => {
    batch.push(event);
    if (batch.length >= MAX_BATCH || (event.kind === 'activityRun' && event.run.status === 'InProgress')) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  };

  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'cancel':
        stop.abort();
        return;
      case 'token': {
        const reply = tokenReplies.get(message.id);
        tokenReplies.delete(message.id);
        if (message.token !== undefined) reply?.resolve(message.token);
        else reply?.reject(new Error(message.error ?? 'No token.'));
        return;
      }
      case 'start': {
        const tokens = (resource: string): Promise<string> =>
          new Promise<string>((resolve, reject) => {
            const id = nextTokenId++;
            tokenReplies.set(id, { resolve, reject });
            post({ kind: 'tokenRequest', id, resource });
          });
        runPipelineFile({
          ...message.request,
          onEvent: emit,
          signal: stop.signal,
          ...(message.standInName !== undefined ? { standIn: { name: message.standInName, tokens } } : {}),
        }).then(
          (result) => {
            flush();
            post({ kind: 'result', result });
          },
          (error: unknown) => {
            flush();
            post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
          },
        );
        return;
      }
    }
  });
}
