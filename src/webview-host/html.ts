// The HTML of every webview of the extension: one bundled script and at most one stylesheet under a strict
// Content-Security-Policy (no inline script, scripts only with the per-load nonce, nothing from the network).
import { randomBytes } from 'node:crypto';
import { L10N_ELEMENT_ID } from './protocol';

export interface WebviewHtmlOptions {
  cspSource: string;
  scriptUri: string;
  /** A stylesheet (none when the script carries its styles). */
  styleUri?: string;
  title: string;
  /** Shown until the script has drawn the view. */
  loadingText?: string;
  /** The display language (vscode.env.language), for the document's lang attribute. */
  language?: string;
  /** The extension's l10n bundle (vscode.l10n.bundle), handed to the webview's @vscode/l10n (src/webview/l10n.ts). */
  l10nBundle?: Record<string, unknown>;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function webviewHtml(options: WebviewHtmlOptions): string {
  const nonce = options.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.styleUri ? `<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${nonce}">\n` : ''}<title>${escapeText(options.title)}</title>
</head>
<body>
<div id="app" data-nonce="${nonce}"><p class="loading">${escapeText(options.loadingText ?? 'Loading...')}</p></div>
${options.l10nBundle ? `<script type="application/json" id="${L10N_ELEMENT_ID}" nonce="${nonce}">${jsonForScript(options.l10nBundle)}</script>\n` : ''}<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** JSON that cannot end the script element it sits in. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
