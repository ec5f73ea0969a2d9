// Engine time: Wait durations and Until timeouts are pipeline seconds divided by timeScale, so tests can run a
// two-minute poll loop in milliseconds. Records keep real wall-clock times.

export interface EngineClock {
  /** Pipeline time runs this many times faster than real time (1 = real time). */
  readonly timeScale: number;
  now(): Date;
  /** Waits `pipelineMs` of pipeline time; rejects with an AbortError when the signal fires. */
  sleep(pipelineMs: number, signal?: AbortSignal): Promise<void>;
  /** Real milliseconds that `pipelineMs` of pipeline time takes. */
  toRealMs(pipelineMs: number): number;
}

export function createClock(timeScale = 1): EngineClock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new Error(`timeScale must be a positive number, got ${timeScale}.`);
  const toRealMs = (pipelineMs: number): number => Math.max(0, pipelineMs / timeScale);
  return {
    timeScale,
    now: () => new Date(),
    toRealMs,
    sleep: (pipelineMs, signal) => abortableDelay(toRealMs(pipelineMs), signal),
  };
}

export function abortableDelay(realMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, realMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error(reason instanceof Error ? reason.message : 'The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
