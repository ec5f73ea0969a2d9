// Plain shapes of the resources the sidebar shows, mapped from the SDK models. Type-only SDK imports keep
// this module free of runtime dependencies.
import type { BatchDeployment, BatchEndpoint, Workspace } from '@azure/arm-machinelearning';
import { parseResourceId } from './resource-id';

export interface SubscriptionRef {
  subscriptionId: string;
  tenantId: string;
  name: string;
}

export interface WorkspaceInfo {
  kind: 'workspace';
  id: string;
  name: string;
  subscriptionId: string;
  tenantId: string;
  resourceGroup: string;
  location: string;
  friendlyName?: string;
  /** The ARM JSON as the service sent it (for "Show Properties"). */
  raw: unknown;
}

export interface BatchEndpointInfo {
  kind: 'endpoint';
  id: string;
  name: string;
  workspace: WorkspaceInfo;
  authMode?: string;
  defaultDeployment?: string;
  scoringUri?: string;
  provisioningState?: string;
  location?: string;
  description?: string;
  raw: unknown;
}

export interface BatchDeploymentInfo {
  kind: 'deployment';
  id: string;
  name: string;
  endpoint: BatchEndpointInfo;
  isDefault: boolean;
  provisioningState?: string;
  /** "name:version" for registered models, otherwise the asset path. */
  model?: string;
  compute?: string;
  raw: unknown;
}

export function toWorkspaceInfo(model: Workspace, subscription: SubscriptionRef, raw?: unknown): WorkspaceInfo {
  const parsed = parseResourceId(model.id);
  return {
    kind: 'workspace',
    id: model.id ?? '',
    name: model.name ?? parsed?.segments.at(-1)?.name ?? '(unnamed)',
    subscriptionId: parsed?.subscriptionId ?? subscription.subscriptionId,
    tenantId: subscription.tenantId,
    resourceGroup: parsed?.resourceGroup ?? '',
    location: model.location ?? '',
    friendlyName: model.friendlyName || undefined,
    raw: raw ?? model,
  };
}

export function toBatchEndpointInfo(model: BatchEndpoint, workspace: WorkspaceInfo, raw?: unknown): BatchEndpointInfo {
  const props = model.properties ?? {};
  return {
    kind: 'endpoint',
    id: model.id ?? '',
    name: model.name ?? '(unnamed)',
    workspace,
    authMode: props.authMode,
    defaultDeployment: props.defaults?.deploymentName || undefined,
    scoringUri: props.scoringUri || undefined,
    provisioningState: props.provisioningState,
    location: model.location,
    description: props.description || undefined,
    raw: raw ?? model,
  };
}

export function toBatchDeploymentInfo(
  model: BatchDeployment,
  endpoint: BatchEndpointInfo,
  raw?: unknown,
): BatchDeploymentInfo {
  const props = model.properties ?? {};
  const name = model.name ?? '(unnamed)';
  return {
    kind: 'deployment',
    id: model.id ?? '',
    name,
    endpoint,
    isDefault:
      endpoint.defaultDeployment !== undefined && endpoint.defaultDeployment.toLowerCase() === name.toLowerCase(),
    provisioningState: props.provisioningState,
    model: describeModel(props.model as ModelReference | undefined),
    compute: props.compute || undefined,
    raw: raw ?? model,
  };
}

interface ModelReference {
  referenceType?: string;
  assetId?: string;
  path?: string;
  datastoreId?: string;
  jobId?: string;
}

/** A short model label: `azureml:.../models/iris/versions/3` -> `iris:3`. */
export function describeModel(model: ModelReference | undefined): string | undefined {
  if (!model) return undefined;
  if (model.assetId) {
    const match = /\/models\/([^/]+)\/versions\/([^/]+)$/i.exec(model.assetId);
    if (match) return `${match[1]}:${match[2]}`;
    const short = /^azureml:([^/]+:[^/]+)$/i.exec(model.assetId);
    return short ? short[1] : model.assetId;
  }
  if (model.path) return model.path;
  if (model.jobId) return `job ${model.jobId.split('/').at(-1)}`;
  return undefined;
}
