// Entra ID's refusals (AADSTS codes) as people read them: the code and its description, without the trace and
// correlation ids and without the JSON around them.

/** Bodies larger than this are not parsed as an OAuth error (an error body is a few hundred bytes). */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * "AADSTS7000215: Invalid client secret provided. ..." from an OAuth error body (JSON with error_description) or
 * an error message (MSAL's "invalid_client: Error(s): ... - Description: AADSTS..."); undefined when there is none.
 */
export function entraRefusal(text: string): string | undefined {
  if (!text || text.length > MAX_ERROR_BODY) return undefined;
  let description = text;
  try {
    const parsed = JSON.parse(text) as { error_description?: unknown };
    if (parsed && typeof parsed.error_description === 'string') description = parsed.error_description;
  } catch {
    // not JSON: an error message
  }
  const match = /AADSTS\d+:[\s\S]*?(?=\s+Trace ID:|\s+-\s+Correlation ID:|\s+-\s+Trace ID:|$)/.exec(description);
  return match?.[0].trim();
}

/** True when a failure's message carries Entra ID's refusal (a retry sends the same credentials again). */
export function isEntraRefusal(message: string): boolean {
  return /\bAADSTS\d+:/.test(message);
}
