// The forms a secret takes once a pipeline transforms it: ADF expressions can URL-encode (encodeUriComponent,
// uriComponent), base64-encode (base64, dataUri), JSON-escape (string(json(...))) or HTML-escape it, and a record
// that shows any of these reveals the secret as surely as the plain value does.
// https://learn.microsoft.com/azure/data-factory/control-flow-expression-language-functions#conversion-functions

/** Base64 fragments shorter than this are not masked: they would blank out ordinary text. */
const MIN_FRAGMENT_LENGTH = 8;

/** Every form of `secret` a run record could contain, longest first (so a longer form is masked whole). */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (const text of [secret, ...jsonEscapes(secret)]) {
    forms.add(text);
    for (const encoded of urlEncodings(text)) forms.add(encoded);
    for (const escaped of htmlEscapes(text)) forms.add(escaped);
  }
  for (const url of urlEncodings(secret)) for (const json of jsonEscapes(url)) forms.add(json);
  for (const fragment of base64Fragments(secret)) forms.add(fragment);
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** encodeURIComponent, .NET's Uri.EscapeDataString (ADF's encodeUriComponent/uriComponent), form encoding, lowercase hex. */
function urlEncodings(text: string): string[] {
  const component = encodeURIComponent(text);
  const dataString = component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const variants = [
    component,
    dataString,
    encodeURI(text),
    dataString.replace(/%20/g, '+'),
    component.replace(/%20/g, '+'),
  ];
  return [...variants, ...variants.map((v) => v.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()))];
}

/** JSON string escaping, once and twice (a JSON text inside a JSON string), with and without escaped slashes. */
function jsonEscapes(text: string): string[] {
  const once = JSON.stringify(text).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  const asciiOnly = once.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [once, twice, asciiOnly, once.replace(/\//g, '\\/'), twice.replace(/\//g, '\\\\\\/')];
}

function htmlEscapes(text: string): string[] {
  const basic = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [basic.replace(/'/g, '&#39;'), basic.replace(/'/g, '&#x27;'), basic.replace(/'/g, '&apos;')];
}

/**
 * Base64 and base64url of the secret, whole, and of the part that is the same wherever the secret sits in a longer
 * text (base64 works in 3-byte groups, so a prefix shifts the alignment: one fragment per alignment).
 */
function base64Fragments(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const fragments: string[] = [];
  const whole = bytes.toString('base64');
  fragments.push(whole, whole.replace(/=+$/, ''));
  for (let skip = 0; skip < 3; skip++) {
    const usable = Math.floor((bytes.length - skip) / 3) * 3;
    if (usable <= 0) continue;
    const fragment = bytes.subarray(skip, skip + usable).toString('base64');
    if (fragment.length >= MIN_FRAGMENT_LENGTH) fragments.push(fragment);
  }
  return [...fragments, ...fragments.map(toBase64Url)].filter(
    (f) => f.length >= Math.min(MIN_FRAGMENT_LENGTH, whole.length),
  );
}

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
