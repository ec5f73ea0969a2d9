// Diagnostic codes link to their section of docs/rules.md (shipped with the extension).
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ruleHeadingLines } from '../core/editor-support';

export class RuleLinks {
  private headings?: Map<string, number>;
  private readonly page: vscode.Uri;

  constructor(extensionUri: vscode.Uri) {
    this.page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  }

  /** `{value, target}` for a diagnostic: the page opened at the rule's heading (`#L<line>`), or the page itself. */
  code(code: string): { value: string; target: vscode.Uri } {
    const line = this.headingLines().get(code);
    return { value: code, target: line === undefined ? this.page : this.page.with({ fragment: `L${line + 1}` }) };
  }

  private headingLines(): Map<string, number> {
    if (!this.headings) {
      try {
        // Read once, synchronously: the page is a small file inside the extension.
        this.headings = ruleHeadingLines(readFileSync(this.page.fsPath, 'utf8'));
      } catch {
        this.headings = new Map();
      }
    }
    return this.headings;
  }
}
