// How long to wait after a keystroke before validating again.

/**
 * Bounds of the pause: three times what the last validation of the document took, within them. A typical
 * pipeline validates in a few milliseconds and gets the short pause; a multi-megabyte ARM template waits
 * longer, so that typing does not queue validations.
 */
export const TYPING_DEBOUNCE_MS = { min: 75, max: 400 } as const;

export function typingDebounceMs(lastValidationMs: number | undefined): number {
  const wanted = 3 * (lastValidationMs ?? 0);
  return Math.round(Math.min(TYPING_DEBOUNCE_MS.max, Math.max(TYPING_DEBOUNCE_MS.min, wanted)));
}
