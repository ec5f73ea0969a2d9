// Reads the wizard needs beyond the tree: the subscription's factories (identity and git mode), a factory's
// linked services and credentials, the workspace's datastores and the endpoint's deployments, as plain facts.
import type { Factory } from '@azure/arm-datafactory';
import type { CredentialFacts, DatastoreFacts, LinkedServiceFacts, RepoConfigurationFacts } from '../preflight';
import { parseFactoryId, type FactoryRef } from './factory-ref';

export interface FactoryInfo extends FactoryRef {
  id: string;
  location: string;
  /** Principal id of the system-assigned identity; undefined when the factory has none. */
  identityPrincipalId?: string;
  identityType?: string;
  /** Set when the factory is connected to git. */
  repoConfiguration?: RepoConfigurationFacts;
}

export interface WorkspaceRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface DeploymentFacts {
  name: string;
  provisioningState?: string;
}

/**
 * The reads (SDK-backed in src/azure/sdk/wizard-azure.ts). `signal` aborts the request in flight (the wizard's panel
 * closed, or a newer load of the same thing replaced it).
 */
export interface WizardReads {
  listFactories(signal?: AbortSignal): Promise<FactoryInfo[]>;
  getFactory(factory: FactoryRef, signal?: AbortSignal): Promise<FactoryInfo>;
  listLinkedServices(factory: FactoryRef, signal?: AbortSignal): Promise<LinkedServiceFacts[]>;
  /** ADF credentials with the principal id of their user-assigned identity when it can be read. */
  listCredentials(factory: FactoryRef, signal?: AbortSignal): Promise<CredentialFacts[]>;
  listDatastores(workspace: WorkspaceRef, signal?: AbortSignal): Promise<DatastoreFacts[]>;
  listDeployments(workspace: WorkspaceRef, endpointName: string, signal?: AbortSignal): Promise<DeploymentFacts[]>;
  /** The ARM id of the Key Vault the ML workspace was created with, when it has one. */
  workspaceKeyVault(workspace: WorkspaceRef, signal?: AbortSignal): Promise<string | undefined>;
}

export function toFactoryInfo(model: Factory, fallbackSubscriptionId: string): FactoryInfo {
  const ref = parseFactoryId(model.id ?? '');
  const identityPrincipalId =
    model.identity?.type?.includes('SystemAssigned') !== false ? model.identity?.principalId || undefined : undefined;
  const repo = model.repoConfiguration as (RepoConfigurationFacts & { type?: string }) | undefined;
  return {
    id: model.id ?? '',
    name: model.name ?? ref?.name ?? '(unnamed)',
    subscriptionId: ref?.subscriptionId ?? fallbackSubscriptionId,
    resourceGroup: ref?.resourceGroup ?? '',
    location: model.location ?? '',
    ...(identityPrincipalId ? { identityPrincipalId } : {}),
    ...(model.identity?.type ? { identityType: model.identity.type } : {}),
    ...(repo?.type ? { repoConfiguration: { ...repo, type: repo.type } } : {}),
  };
}

export function sortFactories(factories: FactoryInfo[]): FactoryInfo[] {
  return factories.sort((a, b) => a.name.localeCompare(b.name) || a.resourceGroup.localeCompare(b.resourceGroup));
}
