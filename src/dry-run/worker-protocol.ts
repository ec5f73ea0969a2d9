// The messages between the Dry Run's host side (engine-worker-host.ts, in the extension host) and the engine's
// worker thread (engine-worker.ts): plain data only. The run's hooks (events, cancel, the stand-in's tokens)
// become messages; events travel in batches so a 10,000-iteration loop costs the extension host few messages.
import type { RunPipelineEvent, RunPipelineFileRequest, RunPipelineFileResult } from '../core/engine';

/** The request without its hooks. */
export type WorkerRunRequest = Omit<RunPipelineFileRequest, 'onEvent' | 'signal' | 'standIn'>;

export type ToWorker =
  | { kind: 'start'; request: WorkerRunRequest; standInName?: string }
  | { kind: 'cancel' }
  | { kind: 'token'; id: number; token?: string; error?: string };

export type FromWorker =
  | { kind: 'events'; events: RunPipelineEvent[] }
  | { kind: 'tokenRequest'; id: number; resource: string }
  | { kind: 'result'; result: RunPipelineFileResult }
  | { kind: 'failed'; message: string };
