// A failed load: shows the service's message where the children would be, with Retry (click or inline).
// Only the failing parent shows it; its siblings keep their own data.
import * as vscode from 'vscode';
import { formatAzureError, type AzureErrorInfo } from '../core/azure';
import { CONTEXT } from './context-values';
import type { LoadingParent, SidebarNode } from './sidebar-node';

export const RETRY_COMMAND = 'adfBatchEndpoints.retry';

export class ErrorNode implements SidebarNode {
  readonly contextValue = CONTEXT.error;
  readonly id: string;

  constructor(
    readonly parent: LoadingParent | undefined,
    readonly error: AzureErrorInfo,
    idPrefix = parent?.id ?? 'root',
  ) {
    this.id = `${idPrefix}#error`;
  }

  get label(): string {
    const status = this.error.statusCode ? `Error ${this.error.statusCode}: ` : 'Error: ';
    return `${status}${this.error.message}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = vscode.l10n.t('Click to retry');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(formatAzureError(this.error));
    if (this.error.code) tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Code: {0}', `\`${this.error.code}\``)}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.command = { title: vscode.l10n.t('Retry'), command: RETRY_COMMAND, arguments: [this] };
    return item;
  }
}
