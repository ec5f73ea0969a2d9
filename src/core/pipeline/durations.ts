// ADF timespans: `[d.]hh:mm:ss` (e.g. the Until timeout `0.00:10:00`, default 7 days), and ADF's 7-day maximum
// for them. Shared by the engine (which fails an activity over the maximum) and the validator (ADF408).

/** 7 days: ADF's maximum for an activity run's `policy.timeout`, an Until timeout and so a Wait. */
export const MAX_ACTIVITY_DURATION_MS = 7 * 24 * 3600 * 1000;

const TIMESPAN = /^\s*(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?\s*$/;

/** Milliseconds of an ADF timespan, or undefined when the text is not one. */
export function parseTimespan(text: string): number | undefined {
  const match = TIMESPAN.exec(text);
  if (!match) return undefined;
  const [, days = '0', hours, minutes, seconds, fraction = '0'] = match;
  if (Number(minutes) > 60 || Number(seconds) > 60) return undefined;
  const fractionMs = Number(`0.${fraction}`) * 1000;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000 + fractionMs;
}

export function formatTimespan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days}.${pad(Math.floor(totalSeconds / 3600) % 24)}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}`;
}
