// The emulator's seed: the Azure world it starts with (format documented in docs/emulator.md).
import { readFileSync } from 'node:fs';
import type { EmulatedCloudName } from './clouds';
import type { JobOutcome, SeedPastJob, SeedPastRun } from './seed-history';
import { validateSeed } from './seed-validation';

export type { JobOutcome, SeedPastActivityRun, SeedPastJob, SeedPastRun } from './seed-history';

/** How batch jobs of an endpoint (or one deployment) behave. */
export interface SeedJobBehaviour {
  /** Terminal status every job ends with. Default Completed. */
  jobOutcome?: JobOutcome;
  /** Error message of Failed jobs. */
  jobError?: string;
  /** Seconds (divided by timeScale) a job takes to reach its outcome. Default 10. Ignored when jobPolls is set. */
  jobSeconds?: number;
  /** When set, the job reaches its outcome on the Nth status GET, whatever the time. */
  jobPolls?: number;
}

export interface SeedTenant {
  id: string;
  displayName?: string;
  defaultDomain?: string;
}

export interface SeedServicePrincipal {
  tenantId: string;
  clientId: string;
  objectId: string;
  secret: string;
  displayName?: string;
  /** false: creating role assignments answers 403 AuthorizationFailed. Default true. */
  canAssignRoles?: boolean;
}

/** Extra directory objects (users, groups) that role assignments may name. */
export interface SeedPrincipal {
  objectId: string;
  tenantId: string;
  type: 'User' | 'Group' | 'ServicePrincipal';
  displayName?: string;
}

/** A user account: a member of one or more tenants (the first is the home tenant). */
export interface SeedUser {
  objectId: string;
  userPrincipalName: string;
  displayName?: string;
  tenants: Array<{
    tenantId: string;
    /** true: silent token requests answer AADSTS65001 (consent_required) until an interactive sign-in. */
    interactionRequired?: boolean;
  }>;
}

export interface SeedSubscription {
  id: string;
  displayName: string;
  tenantId: string;
  state?: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue' | 'Deleted';
  resourceGroups?: SeedResourceGroup[];
}

export interface SeedResourceGroup {
  name: string;
  location: string;
  workspaces?: SeedWorkspace[];
  dataFactories?: SeedDataFactory[];
  keyVaults?: SeedKeyVault[];
}

export interface SeedWorkspace {
  name: string;
  location?: string;
  friendlyName?: string;
  description?: string;
  batchEndpoints?: SeedBatchEndpoint[];
  datastores?: SeedDatastore[];
}

export interface SeedBatchEndpoint extends SeedJobBehaviour {
  name: string;
  description?: string;
  authMode?: 'AADToken' | 'Key' | 'AMLToken';
  /** Default `${url}/ml/<region>/<endpoint>/jobs`; may contain the placeholder `{url}`. */
  scoringUri?: string;
  defaults?: { deploymentName?: string | null };
  provisioningState?: ProvisioningState;
  deployments?: SeedBatchDeployment[];
  /** Jobs that ran before the emulator started (listed by the endpoint's job list). */
  jobs?: SeedPastJob[];
}

export type ProvisioningState = 'Succeeded' | 'Failed' | 'Creating' | 'Updating' | 'Deleting' | 'Canceled';

export interface SeedBatchDeployment extends SeedJobBehaviour {
  name: string;
  /** Model asset id, e.g. `azureml:credit-model:3`. */
  model: string;
  description?: string;
  compute?: string;
  provisioningState?: ProvisioningState;
}

export interface SeedDatastore {
  name: string;
  type: 'AzureBlob' | 'AzureDataLakeGen2';
  accountName: string;
  /** Blob datastores. */
  containerName?: string;
  /** ADLS Gen2 datastores. */
  filesystem?: string;
  isDefault?: boolean;
  description?: string;
  /** Paths (relative to the datastore root) that exist already: a job writing there fails. */
  existingPaths?: string[];
}

export interface SeedRepoConfiguration {
  type: 'FactoryGitHubConfiguration' | 'FactoryVSTSConfiguration';
  accountName: string;
  repositoryName: string;
  collaborationBranch: string;
  rootFolder: string;
  projectName?: string;
  hostName?: string;
  lastCommitId?: string;
  disablePublish?: boolean;
}

export interface SeedDataFactory {
  name: string;
  location?: string;
  /** System-assigned managed identity, or null/absent for none. */
  identity?: { principalId: string; tenantId?: string } | null;
  repoConfiguration?: SeedRepoConfiguration | null;
  pipelines?: SeedFactoryEntity[];
  linkedServices?: SeedFactoryEntity[];
  credentials?: SeedCredential[];
  /** Finished pipeline runs from before the emulator started. */
  runs?: SeedPastRun[];
}

/** A pipeline or linked service as ADF stores it: raw `properties`. */
export interface SeedFactoryEntity {
  name: string;
  properties: Record<string, unknown>;
}

/** A user-assigned managed identity credential of a factory. */
export interface SeedCredential {
  name: string;
  description?: string;
  /** `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>` */
  resourceId: string;
  principalId: string;
  clientId: string;
}

export interface SeedKeyVault {
  name: string;
  secrets?: Record<string, string>;
}

export interface SeedRoleAssignment {
  /** Role assignment name (a GUID). Generated when absent. */
  name?: string;
  scope: string;
  principalId: string;
  /** Built-in role name ("AzureML Data Scientist") or role definition GUID. */
  role: string;
  principalType?: 'ServicePrincipal' | 'User' | 'Group' | 'ForeignGroup' | 'Device';
}

export interface EmulatorSeed {
  $schema?: string;
  description?: string;
  /** The cloud whose token audiences ARM, Entra ID and the ML data plane accept. Default AzureCloud. */
  cloud?: EmulatedCloudName;
  tenants: SeedTenant[];
  servicePrincipals?: SeedServicePrincipal[];
  principals?: SeedPrincipal[];
  users?: SeedUser[];
  subscriptions: SeedSubscription[];
  roleAssignments?: SeedRoleAssignment[];
  /** Lifetime of issued tokens. Default 3600. */
  tokenLifetimeSeconds?: number;
  /** true: batch jobs are accepted only from principals with Owner, Contributor or AzureML Data Scientist
   * on the workspace (or above). Default false (any ML-audience token of the tenant). */
  dataPlaneRbac?: boolean;
}

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid emulator seed (${source}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'SeedError';
  }
}

/** Reads and validates a seed file; throws SeedError with every problem found. */
export function loadSeedFile(path: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeedError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return checkSeed(parsed, path);
}

/** Validates a seed object; throws SeedError with every problem found. */
export function checkSeed(value: unknown, source = 'seed object'): EmulatorSeed {
  const problems = validateSeed(value);
  if (problems.length > 0) throw new SeedError(source, problems);
  return value as EmulatorSeed;
}

/** A seed given as an object or a path. */
export function resolveSeed(seed: EmulatorSeed | string): EmulatorSeed {
  return typeof seed === 'string' ? loadSeedFile(seed) : checkSeed(seed);
}
