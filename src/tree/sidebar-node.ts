// What every row of the sidebar is, and what the nodes need from the tree that holds them.
import type * as vscode from 'vscode';
import type { CloudDefinition, ResourceLoader } from '../core/azure';
import type { FactoryLoader } from './factory-loader';

export interface SidebarNode {
  /** Stable per resource (the TreeItem id), so expansion survives refreshes. */
  readonly id: string;
  readonly contextValue: string;
  readonly parent: SidebarNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<SidebarNode[]>;
}

/** A node whose children reload, retry and page (subscriptions, workspaces, endpoints). */
export interface LoadingParent extends SidebarNode {
  getChildren(): Promise<SidebarNode[]>;
  /** Drops the cached children (and everything below) so the next expand reloads them. */
  invalidate(): void;
  loadMore(): Promise<void>;
  retry(): Promise<void>;
  setLoading(loading: boolean): void;
}

export interface SidebarTree {
  /** The loader of the current session (replaced when settings change). */
  loader(): ResourceLoader;
  /** The Data Factory lists of the current session (replaced with the loader). */
  factoryLoader(): FactoryLoader;
  cloud(): CloudDefinition | undefined;
  /** Lets loading events find the node showing a list. */
  registerParent(key: string, node: LoadingParent): void;
  /** Redraws a node (and re-asks its children), or the whole tree. */
  changed(node?: SidebarNode): void;
}
