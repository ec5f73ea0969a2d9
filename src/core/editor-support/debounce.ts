// How long to wait after a keystroke before validating again.

/**
 * Bounds of the pause: twice what the last validation of the document took, within them. A typical
 * pipeline validates in a few milliseconds and gets the short pause; a multi-megabyte ARM template waits
 * longer, so that typing never queues validations (each waits for more than the last one took). 50 ms at least:
 * keystrokes closer together than that validate once, and a pause shows diagnostics within about 100 ms.
 */
export const TYPING_DEBOUNCE_MS = { min: 50, max: 400 } as const;

export function typingDebounceMs(lastValidationMs: number | undefined): number {
  const wanted = 2 * (lastValidationMs ?? 0);
  return Math.round(Math.min(TYPING_DEBOUNCE_MS.max, Math.max(TYPING_DEBOUNCE_MS.min, wanted)));
}
