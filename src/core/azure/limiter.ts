// Caps how many Azure requests run at once (loads across subscriptions run in parallel, but not all at once).

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

/** A FIFO limiter allowing `max` tasks at a time (at least 1). */
export function createLimiter(max: number): Limiter {
  const cap = Number.isFinite(max) && max >= 1 ? Math.floor(max) : 1;
  const queue: Array<() => void> = [];
  let active = 0;
  // A finishing task hands its slot straight to the next waiter, so newcomers cannot jump the queue.
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= cap) await new Promise<void>((resolve) => queue.push(resolve));
      else active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
