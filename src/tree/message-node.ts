// A leaf row with a message: empty states ("No batch endpoints in this workspace"), "Loading...", settings
// problems. An optional command runs on click (a docs link, "Select Subscriptions...").
import * as vscode from 'vscode';
import { CONTEXT } from './context-values';
import type { SidebarNode } from './sidebar-node';

export interface MessageOptions {
  description?: string;
  tooltip?: string;
  icon?: string;
  command?: vscode.Command;
  contextValue?: string;
}

export class MessageNode implements SidebarNode {
  readonly contextValue: string;

  constructor(
    readonly id: string,
    readonly parent: SidebarNode | undefined,
    readonly label: string,
    private readonly options: MessageOptions = {},
  ) {
    this.contextValue = options.contextValue ?? CONTEXT.message;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip ?? this.label;
    item.iconPath = new vscode.ThemeIcon(this.options.icon ?? 'info');
    item.command = this.options.command;
    return item;
  }
}

/** An empty list: says so and what to do, with a link when given. */
export function emptyNode(parent: SidebarNode, label: string, linkText: string, command: vscode.Command): MessageNode {
  return new MessageNode(`${parent.id}#empty`, parent, label, {
    description: linkText,
    tooltip: `${label}. ${linkText}`,
    icon: 'info',
    command,
    contextValue: CONTEXT.empty,
  });
}

/** A link opening a web page in the browser. */
export function openUrlCommand(title: string, url: string): vscode.Command {
  return { title, command: 'vscode.open', arguments: [vscode.Uri.parse(url)] };
}
