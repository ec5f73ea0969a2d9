// The SDK-backed stores of the wizard, for one subscription: Data Factory (factories, pipelines as raw JSON, runs),
// Authorization (role assignments) and Machine Learning (datastores, deployments), with the clients of the session's
// AzureClientPool (the same Machine Learning client the tree reads with). Part of dist/azure.js, never loaded at
// activation.
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { ServiceClient } from '@azure/core-client';
import type { LinkedService } from '@azure/arm-datafactory';
import { toCreateOrUpdateBody } from '../../core/pipeline';
import type { CredentialFacts, DatastoreFacts, LinkedServiceFacts, RoleAssignmentFacts } from '../../core/preflight';
import {
  MANAGED_IDENTITY_API_VERSION,
  type FactoryRef,
  sortFactories,
  toFactoryInfo,
  type DeploymentFacts,
  type FactoryInfo,
  type WizardReads,
  type WorkspaceRef,
  type PipelineStore,
  jsonOf,
  sendArm,
  type RawArmClient,
  type RawArmRequest,
  type RawArmResponse,
  readRemotePipeline,
  type RoleAssignmentStore,
  type ActivityRunFacts,
  type PipelineRunFacts,
  type RunStore,
} from '../../core/publish';
import type { AzureClientPool } from './client-pool';
import { activityRunFacts, isoText } from './activity-runs';

/** Linked services the wizard creates in a factory. */
export interface LinkedServiceStore {
  create(factory: FactoryRef, name: string, properties: LinkedService): Promise<void>;
}

export interface WizardAzure {
  subscriptionId: string;
  reads: WizardReads;
  linkedServices: LinkedServiceStore;
  factories: FactoryUpdates;
  pipelines: PipelineStore;
  roles: RoleAssignmentStore;
  runs: RunStore;
  raw: RawArmClient;
}

/** Changes to a factory itself. */
export interface FactoryUpdates {
  /**
   * Gives the factory a system-assigned managed identity (factories.update, identity.type SystemAssigned): ADF
   * creates it on an existing factory ("Generate managed identity",
   * https://learn.microsoft.com/azure/data-factory/data-factory-service-identity#generate-managed-identity).
   */
  enableSystemIdentity(factory: FactoryRef): Promise<FactoryInfo>;
}

export function createWizardAzure(pool: AzureClientPool, tenantId: string, subscriptionId: string): WizardAzure {
  const adf = pool.dataFactory(tenantId, subscriptionId);
  const authorization = pool.authorization(tenantId, subscriptionId);
  const ml = pool.machineLearning(tenantId, subscriptionId);
  const raw = rawClient(adf, pool.cloud.resourceManagerEndpoint);

  const reads: WizardReads = {
    async listFactories(signal?: AbortSignal): Promise<FactoryInfo[]> {
      const factories: FactoryInfo[] = [];
      for await (const factory of adf.factories.list(aborts(signal)))
        factories.push(toFactoryInfo(factory, subscriptionId));
      return sortFactories(factories);
    },
    async getFactory(factory: FactoryRef, signal?: AbortSignal): Promise<FactoryInfo> {
      return toFactoryInfo(
        await adf.factories.get(factory.resourceGroup, factory.name, aborts(signal)),
        subscriptionId,
      );
    },
    async listLinkedServices(factory: FactoryRef, signal?: AbortSignal): Promise<LinkedServiceFacts[]> {
      const result: LinkedServiceFacts[] = [];
      for await (const ls of adf.linkedServices.listByFactory(factory.resourceGroup, factory.name, aborts(signal))) {
        if (ls.name) result.push({ name: ls.name, type: ls.properties?.type ?? '' });
      }
      return result.sort((a, b) => a.name.localeCompare(b.name));
    },
    async listCredentials(factory: FactoryRef, signal?: AbortSignal): Promise<CredentialFacts[]> {
      const result: CredentialFacts[] = [];
      for await (const credential of adf.credentialOperations.listByFactory(
        factory.resourceGroup,
        factory.name,
        aborts(signal),
      )) {
        if (!credential.name) continue;
        const resourceId = credential.properties?.resourceId;
        result.push({
          name: credential.name,
          ...(resourceId ? { resourceId } : {}),
          ...(resourceId ? await principalOf(raw, resourceId, signal) : {}),
        });
      }
      return result.sort((a, b) => a.name.localeCompare(b.name));
    },
    async listDatastores(workspace: WorkspaceRef, signal?: AbortSignal): Promise<DatastoreFacts[]> {
      const result: DatastoreFacts[] = [];
      for await (const ds of ml.datastores.list(workspace.resourceGroup, workspace.name, aborts(signal))) {
        if (ds.name)
          result.push({
            name: ds.name,
            type: ds.properties?.datastoreType ?? '',
            isDefault: Boolean(ds.properties?.isDefault),
          });
      }
      return result;
    },
    async listDeployments(
      workspace: WorkspaceRef,
      endpointName: string,
      signal?: AbortSignal,
    ): Promise<DeploymentFacts[]> {
      const result: DeploymentFacts[] = [];
      for await (const d of ml.batchDeployments.list(
        workspace.resourceGroup,
        workspace.name,
        endpointName,
        aborts(signal),
      )) {
        if (d.name)
          result.push({
            name: d.name,
            ...(d.properties?.provisioningState ? { provisioningState: d.properties.provisioningState } : {}),
          });
      }
      return result.sort((a, b) => a.name.localeCompare(b.name));
    },
    async workspaceKeyVault(workspace: WorkspaceRef, signal?: AbortSignal): Promise<string | undefined> {
      return (await ml.workspaces.get(workspace.resourceGroup, workspace.name, aborts(signal))).keyVault || undefined;
    },
  };

  const linkedServices: LinkedServiceStore = {
    async create(factory, name, properties): Promise<void> {
      // If-None-Match: a linked service someone created meanwhile under that name is never replaced.
      await adf.linkedServices.createOrUpdate(
        factory.resourceGroup,
        factory.name,
        name,
        { properties },
        { requestOptions: { customHeaders: { 'If-None-Match': '*' } } },
      );
    },
  };

  const factories: FactoryUpdates = {
    async enableSystemIdentity(factory: FactoryRef): Promise<FactoryInfo> {
      const updated = await adf.factories.update(factory.resourceGroup, factory.name, {
        identity: { type: 'SystemAssigned' },
      });
      return toFactoryInfo(updated, subscriptionId);
    },
  };

  const pipelines: PipelineStore = {
    read: (factory, name, signal) => readRemotePipeline(raw, factory, name, signal),
    async write(factory, document, precondition, signal) {
      const response = await adf.pipelines.createOrUpdate(
        factory.resourceGroup,
        factory.name,
        document.name,
        toCreateOrUpdateBody(document),
        {
          ...(signal ? { abortSignal: signal } : {}),
          ...('ifMatch' in precondition
            ? { ifMatch: precondition.ifMatch }
            : { requestOptions: { customHeaders: { 'If-None-Match': precondition.ifNoneMatch } } }),
        },
      );
      return { etag: response.etag };
    },
  };

  const roles: RoleAssignmentStore = {
    async listForPrincipal(scope: string, principalId: string, signal?: AbortSignal): Promise<RoleAssignmentFacts[]> {
      const result: RoleAssignmentFacts[] = [];
      for await (const ra of authorization.roleAssignments.listForScope(scope, {
        filter: `principalId eq '${principalId}'`,
        ...(signal ? { abortSignal: signal } : {}),
      })) {
        if (ra.roleDefinitionId && ra.scope)
          result.push({ roleDefinitionId: ra.roleDefinitionId, scope: ra.scope, principalId: ra.principalId });
      }
      return result;
    },
    async create(scope, assignmentName, parameters, signal): Promise<RoleAssignmentFacts> {
      const ra = await authorization.roleAssignments.create(
        scope,
        assignmentName,
        parameters,
        signal ? { abortSignal: signal } : {},
      );
      return {
        roleDefinitionId: ra.roleDefinitionId ?? parameters.roleDefinitionId,
        scope: ra.scope ?? `/${scope}`,
        principalId: ra.principalId,
      };
    },
  };

  const runs: RunStore = {
    async createRun(factory, pipelineName, parameters, signal): Promise<string> {
      const response = await adf.pipelines.createRun(factory.resourceGroup, factory.name, pipelineName, {
        parameters,
        ...aborts(signal),
      });
      return response.runId;
    },
    async getRun(factory, runId, signal): Promise<PipelineRunFacts> {
      const run = await adf.pipelineRuns.get(factory.resourceGroup, factory.name, runId, aborts(signal));
      return {
        runId: run.runId ?? runId,
        status: run.status ?? 'Unknown',
        ...(run.message ? { message: run.message } : {}),
        ...(run.runStart ? { runStart: isoText(run.runStart) } : {}),
        ...(run.runEnd ? { runEnd: isoText(run.runEnd) } : {}),
        ...(typeof run.durationInMs === 'number' ? { durationInMs: run.durationInMs } : {}),
      };
    },
    async queryActivityRuns(factory, runId, updatedAfter, updatedBefore, signal): Promise<ActivityRunFacts[]> {
      const result: ActivityRunFacts[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await adf.activityRuns.queryByPipelineRun(
          factory.resourceGroup,
          factory.name,
          runId,
          { lastUpdatedAfter: updatedAfter, lastUpdatedBefore: updatedBefore, continuationToken },
          aborts(signal),
        );
        for (const a of page.value) result.push(activityRunFacts(a));
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
      return result;
    },
    async cancelRun(factory, runId, signal): Promise<void> {
      await adf.pipelineRuns.cancel(factory.resourceGroup, factory.name, runId, {
        isRecursive: true,
        ...aborts(signal),
      });
    },
  };

  return { subscriptionId, reads, linkedServices, factories, pipelines, roles, runs, raw };
}

/** SDK operation options carrying the caller's AbortSignal (none when there is nothing to abort). */
function aborts(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

/** Raw JSON over the Data Factory client's own pipeline (bearer token for ARM, retries, user agent). */
function rawClient(client: ServiceClient, endpoint: string): RawArmClient {
  const base = endpoint.replace(/\/+$/, '');
  return {
    async send(request: RawArmRequest): Promise<RawArmResponse> {
      const response = await client.sendRequest(
        createPipelineRequest({
          url: `${base}${request.path.startsWith('/') ? '' : '/'}${request.path}`,
          method: request.method,
          headers: createHttpHeaders({
            Accept: 'application/json',
            ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...request.headers,
          }),
          body: request.body,
          ...(request.signal ? { abortSignal: request.signal } : {}),
        }),
      );
      return {
        status: response.status,
        headers: response.headers.toJSON({ preserveCase: false }),
        bodyText: response.bodyAsText ?? '',
      };
    },
  };
}

/** The user-assigned identity's principal id; nothing when it cannot be read (the check then warns). */
async function principalOf(
  raw: RawArmClient,
  resourceId: string,
  signal: AbortSignal | undefined,
): Promise<{ principalId?: string }> {
  try {
    const response = await sendArm(raw, {
      method: 'GET',
      path: `${resourceId}?api-version=${MANAGED_IDENTITY_API_VERSION}`,
      ...(signal ? { signal } : {}),
    });
    const principalId = (jsonOf(response) as { properties?: { principalId?: unknown } } | undefined)?.properties
      ?.principalId;
    return typeof principalId === 'string' && principalId ? { principalId } : {};
  } catch {
    return {};
  }
}
