// Waiting on a condition in tests, instead of a fixed sleep: polls until it holds, generous by default because the
// CI machine may be loaded.

/** Polls `ready` every 100 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
