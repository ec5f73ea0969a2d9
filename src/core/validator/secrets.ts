import { forEachStringValue, objectEntries, propertyValue, stringValue, type JsonNode as Node } from '../json';
import type { ValidationContext } from './context';
import { fixedTextLower, fixedTexts } from './dynamic-text';
import type { ActivityInfo } from './pipeline-model';

/** Header or body keys whose value is a credential. */
export const SECRET_KEY =
  /^(authorization|proxy-authorization|x-api-key|api-key|apikey|api_key|x-functions-key|ocp-apim-subscription-key|client_secret|clientsecret|password|passwd|pwd|secret|access_token|refresh_token|sas_token|sastoken|account_key|accountkey|subscription-key|x-ms-.*-key)$/i;

/** `client_secret=value` (form encoded) with a non-empty fixed value. */
export const FORM_SECRET =
  /(?:^|[&?\s])(client_secret|password|api_key|apikey|access_token|refresh_token|sas_token|account_key)=([^&@]+)/i;

/** Values that are placeholders or masks, not secrets. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    /^\*+$/.test(v) ||
    /^<.*>$/.test(v) ||
    /^\{.*\}$/.test(v) ||
    /^\$\{.*\}$/.test(v) ||
    /^(bearer|basic)\s*$/i.test(v)
  );
}

/** A Web activity that obtains a token (Entra ID token endpoint, client credentials). */
export function isTokenRequest(context: ValidationContext, activity: ActivityInfo): boolean {
  if (activity.typeLower !== 'webactivity') return false;
  const url = context.valueString(activity, propertyValue(activity.typeProperties, 'url'));
  // Cheap look at the raw text first: most Web activities call neither Entra ID nor Key Vault.
  const urlText = url && /oauth2|login\./i.test(url.value) ? fixedTextLower(context, url) : '';
  if (/\/oauth2\/(v2\.0\/)?token|login\.microsoftonline|login\.chinacloudapi|login\.microsoftonline\.us/.test(urlText))
    return true;
  const body = propertyValue(activity.typeProperties, 'body');
  let found = false;
  forEachStringValue(body, (n) => {
    if (found || !/client_(credentials|secret)/i.test(String(n.value))) return;
    const s = context.adfString(n, activity.pipeline.inArmTemplate);
    found = !!s && /client_credentials|client_secret/.test(fixedTextLower(context, s));
  });
  return found;
}

/** A Web activity that reads a Key Vault secret. */
export function isSecretRead(context: ValidationContext, activity: ActivityInfo): boolean {
  if (activity.typeLower !== 'webactivity') return false;
  const url = context.valueString(activity, propertyValue(activity.typeProperties, 'url'));
  return (
    !!url &&
    /vault/i.test(url.value) &&
    /vault\.azure\.(net|cn|us)\/secrets\/|\.vault\.usgovcloudapi\.net\/secrets\//.test(
      fixedTexts(context, url).join('').toLowerCase(),
    )
  );
}

/** A secret or token written literally: returns the key that holds it, or undefined. */
export function literalSecretIn(
  context: ValidationContext,
  activity: ActivityInfo,
  node: Node | undefined,
): string | undefined {
  if (!node) return undefined;
  if (node.type === 'object' && stringValue(propertyValue(node, 'type'))?.toLowerCase() !== 'expression') {
    for (const [key, , value] of objectEntries(node)) {
      if (SECRET_KEY.test(key)) {
        const s = context.valueString(activity, value);
        if (
          s &&
          context.parsed(s).kind === 'literal' &&
          !isPlaceholder(s.value) &&
          !/^(bearer|basic)\s+@/i.test(s.value)
        )
          return key;
      }
      if (value.type === 'object') {
        const nested = literalSecretIn(context, activity, value);
        if (nested) return nested;
      }
    }
    return undefined;
  }
  const s = context.valueString(activity, node);
  if (!s) return undefined;
  for (const text of fixedTexts(context, s)) {
    const form = FORM_SECRET.exec(text);
    if (form && !isPlaceholder(form[2])) return form[1];
    const json = /"(client_secret|password|api_key|apikey|access_token|secret)"\s*:\s*"([^"@]+)"/i.exec(text);
    if (json && !isPlaceholder(json[2])) return json[1];
  }
  return undefined;
}
