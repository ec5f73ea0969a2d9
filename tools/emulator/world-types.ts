// The shapes of the emulator's Azure world (tenants down to pipeline runs and batch jobs). They refer to each
// other (a run knows its factory, a factory its runs), so they live together here, apart from the code that
// builds and changes them (state.ts, batch-jobs.ts, pipeline-runs.ts), which keeps that code free of cycles.
import type { SecretRedactor } from '../../src/core/engine';
import type { JobOutcome, SeedBatchDeployment, SeedBatchEndpoint, SeedDatastore, SeedRepoConfiguration } from './seed';

export interface TenantState {
  id: string;
  displayName: string;
  defaultDomain: string;
}

export interface DirectoryObject {
  objectId: string;
  tenantId: string;
  type: 'ServicePrincipal' | 'User' | 'Group';
  displayName: string;
}

export interface SubscriptionState {
  id: string;
  displayName: string;
  tenantId: string;
  state: string;
  resourceGroups: Map<string, ResourceGroupState>;
}

export interface ResourceGroupState {
  subscription: SubscriptionState;
  name: string;
  location: string;
  id: string;
  workspaces: Map<string, WorkspaceState>;
  factories: Map<string, FactoryState>;
  identities: Map<string, IdentityState>;
}

export interface WorkspaceState {
  resourceGroup: ResourceGroupState;
  name: string;
  id: string;
  location: string;
  friendlyName: string;
  description: string;
  workspaceId: string;
  createdAt: string;
  endpoints: Map<string, EndpointState>;
  datastores: Map<string, DatastoreState>;
  jobs: Map<string, BatchJob>;
  /** `<datastore>/<path>` (lower case) of outputs that exist. */
  existingOutputs: Set<string>;
}

export interface EndpointState {
  workspace: WorkspaceState;
  seed: SeedBatchEndpoint;
  name: string;
  id: string;
  location: string;
  scoringUri: string;
  defaultDeployment: string | null;
  deployments: Map<string, DeploymentState>;
  createdAt: string;
}

export interface DeploymentState {
  endpoint: EndpointState;
  seed: SeedBatchDeployment;
  name: string;
  id: string;
  createdAt: string;
}

export interface DatastoreState {
  workspace: WorkspaceState;
  seed: SeedDatastore;
  name: string;
  id: string;
}

/** A pipeline, linked service or credential as stored: raw properties plus an ETag. */
export interface FactoryEntity {
  name: string;
  properties: Record<string, unknown>;
  etag: string;
}

export interface FactoryState {
  resourceGroup: ResourceGroupState;
  name: string;
  id: string;
  location: string;
  createdAt: string;
  identity: { principalId: string; tenantId: string } | null;
  repoConfiguration: SeedRepoConfiguration | null;
  etag: string;
  pipelines: Map<string, FactoryEntity>;
  linkedServices: Map<string, FactoryEntity>;
  credentials: Map<string, FactoryEntity>;
  runs: Map<string, PipelineRunState>;
}

export interface IdentityState {
  id: string;
  name: string;
  resourceGroupName: string;
  subscriptionId: string;
  location: string;
  principalId: string;
  clientId: string;
  tenantId: string;
}

export interface KeyVaultState {
  name: string;
  baseUrl: string;
  secrets: Map<string, string>;
}

export interface RoleAssignmentState {
  name: string;
  /** As given, e.g. `/subscriptions/<id>/resourceGroups/<rg>`; `/` for the root. */
  scope: string;
  roleDefinitionGuid: string;
  principalId: string;
  principalType: string;
  createdOn: string;
  createdBy: string | null;
}

export interface JobBehaviour {
  outcome: JobOutcome;
  error: string;
  seconds: number;
  polls?: number;
}

export interface JobDataEntry {
  type: string;
  uri: string;
}

export interface BatchJob {
  name: string;
  id: string;
  endpoint: EndpointState;
  deployment: DeploymentState;
  createdAt: number;
  behaviour: JobBehaviour;
  /** Duration in ms after timeScale. */
  durationMs: number;
  /** Status GETs answered so far. */
  polls: number;
  inputs: Record<string, JobDataEntry>;
  outputs: Record<string, JobDataEntry>;
  /** Caller that submitted the job (token oid). */
  submittedBy: string;
}

export type PipelineRunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled';
export type ActivityRunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';

export interface ActivityRunError {
  errorCode: string;
  message: string;
  failureType: 'UserError' | 'SystemError';
  target: string;
}

export interface ActivityRunRecord {
  activityRunId: string;
  pipelineRunId: string;
  pipelineName: string;
  activityName: string;
  activityType: string;
  linkedServiceName?: string;
  status: ActivityRunStatus;
  activityRunStart: Date;
  activityRunEnd?: Date;
  input: unknown;
  output: unknown;
  error?: ActivityRunError;
}

export interface PipelineRunState {
  runId: string;
  runGroupId: string;
  pipelineName: string;
  /** Effective parameter values (defaults applied). */
  parameters: Record<string, unknown>;
  /** Names of SecureString parameters (masked when the run is read through ARM). */
  secureParameters: string[];
  status: PipelineRunStatus;
  message: string;
  runStart: Date;
  runEnd?: Date;
  lastUpdated: Date;
  invokedBy: { name: string; id: string; invokedByType: string };
  activityRuns: ActivityRunRecord[];
  factory: FactoryState;
  controller: AbortController;
  /** False once a recovery run of the same group supersedes it. */
  isLatest: boolean;
  /**
   * Masks the run's secrets (SecureString parameter values, Key Vault secrets and tokens it was handed) in every
   * encoding in what the run records, whatever the executor reports: the emulator's records never carry them.
   */
  redactor: SecretRedactor;
}
