// How long to wait after a keystroke before validating again.

/**
 * Bounds of the pause: three times what the last validation of the document took, within them. A typical
 * pipeline validates in a few milliseconds and gets the short pause; a multi-megabyte ARM template waits
 * longer, so that typing does not queue validations. 50 ms at least: below the gap between keystrokes of fast
 * typing (about 100 ms), so a burst still validates once, and diagnostics stay within 100 ms of a pause.
 */
export const TYPING_DEBOUNCE_MS = { min: 50, max: 400 } as const;

export function typingDebounceMs(lastValidationMs: number | undefined): number {
  const wanted = 3 * (lastValidationMs ?? 0);
  return Math.round(Math.min(TYPING_DEBOUNCE_MS.max, Math.max(TYPING_DEBOUNCE_MS.min, wanted)));
}
