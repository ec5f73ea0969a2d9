// What the tree needs from sign-in: the session state, its subscriptions, the user's selection, and a
// reader for the session (created by the lazily loaded Azure backend).
import type { SessionStatus } from '../azure/access';
import type { AzureSession } from '../azure/sessions/session';
import type { SubscriptionListing, SubscriptionRef, ResourceReader } from '../core/azure';
import type { FactoryReader } from '../core/factory';

export interface AzureSessionProvider {
  current(): Promise<SessionStatus>;
  /** The whole list (the factory loader). */
  getSubscriptions(): Promise<SubscriptionRef[]>;
  /** The list as its pages arrive (the root paints the first page). */
  subscriptionListing(): Promise<SubscriptionListing>;
  refreshSubscriptions(): void;
  /** Entries "tenantId/subscriptionId", or undefined to show all subscriptions. */
  selection(): readonly string[] | undefined;
  createReader(session: AzureSession): ResourceReader;
  createFactoryReader(session: AzureSession): FactoryReader;
}
