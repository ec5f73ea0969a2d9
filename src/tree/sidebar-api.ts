// The sidebar's part of the extension API (used by extension-host tests); src/api.ts gathers the parts.
import type { SignInState } from '../azure/access';
import type { SidebarTreeProvider } from './sidebar-tree-provider';

export interface SidebarApi {
  /** The provider behind the "Batch Endpoints" view (getChildren/getTreeItem give what users see). */
  readonly treeProvider: SidebarTreeProvider;
  /** The sign-in state the welcome view keys on. */
  signInState(): SignInState;
  /** Stores the service principal's secret (SecretStorage) and starts a new session. */
  setServicePrincipalSecret(secret: string): Promise<void>;
  /** Reloads the whole tree (subscriptions and everything below). */
  refresh(): void;
  /** What "Select Subscriptions..." stores: "tenantId/subscriptionId" entries, or undefined to forget it. */
  setSubscriptionSelection(entries: readonly string[] | undefined): Promise<void>;
  /** Whether dist/azure.js (the Azure SDK) has been loaded yet: false right after activation. */
  isAzureBackendLoaded(): boolean;
}
