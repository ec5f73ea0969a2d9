// The "Select Subscriptions..." choice, kept in globalState (per user, not per workspace).
import type * as vscode from 'vscode';
import { effectiveSelection } from '../core/azure';
import { readAzureResourcesSelection } from '../settings';

const SELECTION_KEY = 'adfBatchEndpoints.selectedSubscriptions';

export class SubscriptionSelection {
  constructor(private readonly state: vscode.Memento) {}

  /** Our own selection, else `azureResourceGroups.selectedSubscriptions`, else undefined (show all). */
  current(): readonly string[] | undefined {
    return effectiveSelection(this.state.get<string[]>(SELECTION_KEY), readAzureResourcesSelection());
  }

  /** Entries are "tenantId/subscriptionId"; undefined forgets the choice. */
  async set(entries: readonly string[] | undefined): Promise<void> {
    await this.state.update(SELECTION_KEY, entries === undefined ? undefined : [...entries]);
  }
}
