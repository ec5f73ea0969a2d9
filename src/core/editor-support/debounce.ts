// When to validate a document again after a keystroke.

/**
 * Bounds of the typing window: twice what the last validation of the document took, within them. A typical
 * pipeline validates in a few milliseconds and gets the short window; a multi-megabyte ARM template waits
 * longer, so that typing never queues validations (each waits for more than the last one took).
 */
export const TYPING_DEBOUNCE_MS = { min: 50, max: 400 } as const;

export function typingDebounceMs(lastValidationMs: number | undefined): number {
  const wanted = 2 * (lastValidationMs ?? 0);
  return Math.round(Math.min(TYPING_DEBOUNCE_MS.max, Math.max(TYPING_DEBOUNCE_MS.min, wanted)));
}

/** What the scheduler knows of a document when a keystroke arrives. */
export interface TypingState {
  /** How long the document's last validation took (ms), if it ran. */
  readonly lastValidationMs?: number;
  /** How long ago that validation ended (ms), if it ran. */
  readonly sinceLastValidationMs?: number;
  /** A validation is already waiting for the end of a burst of keystrokes. */
  readonly waiting: boolean;
}

/**
 * The delay before validating after a keystroke. The first keystroke after a quiet typing window validates at
 * once (0: the change events of the same tick still merge), so a single edit shows its diagnostics after the
 * validation alone; keystrokes inside the window wait until the typing pauses for a whole window. Either way the
 * validator runs at most once per window plus its own time, so it never takes more than a third of the thread.
 */
export function typingDelayMs(state: TypingState): number {
  const window = typingDebounceMs(state.lastValidationMs);
  const quiet = state.sinceLastValidationMs === undefined || state.sinceLastValidationMs >= window;
  return !state.waiting && quiet ? 0 : window;
}
