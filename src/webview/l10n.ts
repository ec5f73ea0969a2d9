// Gives the webview's @vscode/l10n the extension's bundle (vscode.l10n.bundle, embedded by webview-host/html.ts as
// JSON), so l10n.t in a webview translates like vscode.l10n.t in the extension. Imported first by each webview's
// main.ts: strings computed while other modules load are already looked up.
import * as l10n from '@vscode/l10n';
import { L10N_ELEMENT_ID } from '../webview-host/protocol';

function loadBundle(): void {
  const text = document.getElementById(L10N_ELEMENT_ID)?.textContent;
  if (!text) return;
  try {
    const contents = JSON.parse(text) as l10n.l10nJsonFormat;
    l10n.config({ contents });
  } catch {
    // A bundle that cannot be read leaves the English strings: better than no view.
  }
}

loadBundle();
