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

/** The longest delay setTimeout honours; a longer one (or Infinity, NaN) fires after 1 ms instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `callback` after `realMs` (any length: a delay over MAX_TIMER_MS is waited in chunks). Returns a
 * function that cancels it. Infinity never fires.
 */
export function setLongTimeout(callback: () => void, realMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = Date.now() + Math.max(0, realMs);
  const arm = (remaining: number): void => {
    if (remaining === Infinity) return;
    timer = setTimeout(
      () => {
        const left = deadline - Date.now();
        if (remaining > MAX_TIMER_MS && left > 0) arm(left);
        else callback();
      },
      Math.min(Math.max(0, remaining), MAX_TIMER_MS),
    );
  };
  arm(Number.isNaN(realMs) ? 0 : realMs);
  return () => clearTimeout(timer);
}

export function abortableDelay(realMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = (): void => {
      cancelTimer();
      reject(abortError(signal));
    };
    const cancelTimer = setLongTimeout(() => {
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
