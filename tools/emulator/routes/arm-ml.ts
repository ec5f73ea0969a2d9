// Microsoft.MachineLearningServices: workspaces, batch endpoints, batch deployments, datastores.
import { API_VERSIONS } from '../api-versions';
import { jobResource, jobStatus } from '../batch-jobs';
import { resourceNotFound } from '../errors';
import { json, type Reply } from '../http';
import { resourceGroupOf, subscriptionOf, systemData, workspaceOf } from '../lookup';
import { paginate } from '../paging';
import type { Route, RouteContext } from '../router';
import type { DatastoreState, DeploymentState, EndpointState, WorkspaceState } from '../world-types';

const NS = 'Microsoft.MachineLearningServices';

function workspaceResource(ws: WorkspaceState): Record<string, unknown> {
  const rgId = ws.resourceGroup.id;
  const short =
    ws.name
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 12) || 'ws';
  return {
    id: ws.id,
    name: ws.name,
    type: `${NS}/workspaces`,
    location: ws.location,
    tags: {},
    sku: { name: 'Basic', tier: 'Basic' },
    identity: { type: 'SystemAssigned', principalId: ws.workspaceId, tenantId: ws.resourceGroup.subscription.tenantId },
    systemData: systemData(ws.createdAt),
    properties: {
      friendlyName: ws.friendlyName,
      description: ws.description,
      workspaceId: ws.workspaceId,
      storageAccount: `${rgId}/providers/Microsoft.Storage/storageAccounts/${short}storage`,
      keyVault: `${rgId}/providers/Microsoft.KeyVault/vaults/${short}-kv`,
      applicationInsights: `${rgId}/providers/Microsoft.insights/components/${short}-ai`,
      discoveryUrl: `https://${ws.location}.api.azureml.ms/discovery`,
      mlFlowTrackingUri: `azureml://${ws.location}.api.azureml.ms/mlflow/v1.0${ws.id}`,
      provisioningState: 'Succeeded',
      hbiWorkspace: false,
      publicNetworkAccess: 'Enabled',
      v1LegacyMode: false,
      creationTime: ws.createdAt,
    },
  };
}

function endpointResource(e: EndpointState): Record<string, unknown> {
  return {
    id: e.id,
    name: e.name,
    type: `${NS}/workspaces/batchEndpoints`,
    location: e.location,
    tags: {},
    kind: '',
    identity: {
      type: 'SystemAssigned',
      principalId: e.workspace.workspaceId,
      tenantId: e.workspace.resourceGroup.subscription.tenantId,
    },
    systemData: systemData(e.createdAt),
    properties: {
      authMode: e.seed.authMode ?? 'AADToken',
      description: e.seed.description ?? '',
      properties: { BatchEndpointCreationApiVersion: '2022-10-01', 'azureml.onlineendpointid': e.id },
      scoringUri: e.scoringUri,
      swaggerUri: null,
      provisioningState: e.seed.provisioningState ?? 'Succeeded',
      defaults: { deploymentName: e.defaultDeployment },
    },
  };
}

function deploymentResource(d: DeploymentState): Record<string, unknown> {
  const ws = d.endpoint.workspace;
  const [, name, version] = /^azureml:([^:]+):(.+)$/.exec(d.seed.model) ?? [];
  const assetId = name ? `${ws.id}/models/${name}/versions/${version}` : d.seed.model;
  return {
    id: d.id,
    name: d.name,
    type: `${NS}/workspaces/batchEndpoints/deployments`,
    location: d.endpoint.location,
    tags: {},
    systemData: systemData(d.createdAt),
    properties: {
      description: d.seed.description ?? '',
      properties: {},
      model: { referenceType: 'Id', assetId },
      compute: d.seed.compute ? `${ws.id}/computes/${d.seed.compute}` : `${ws.id}/computes/cpu-cluster`,
      resources: { instanceCount: 2, properties: {} },
      maxConcurrencyPerInstance: 1,
      miniBatchSize: 10,
      outputAction: 'AppendRow',
      outputFileName: 'predictions.csv',
      errorThreshold: -1,
      loggingLevel: 'Info',
      retrySettings: { maxRetries: 3, timeout: 'PT30S' },
      provisioningState: d.seed.provisioningState ?? 'Succeeded',
    },
  };
}

function datastoreResource(ds: DatastoreState): Record<string, unknown> {
  const s = ds.seed;
  const common = {
    description: s.description ?? null,
    tags: {},
    properties: {},
    isDefault: s.isDefault ?? false,
    credentials: { credentialsType: 'None' },
    accountName: s.accountName,
    endpoint: 'core.windows.net',
    serviceDataAccessAuthIdentity: 'None',
  };
  const typed =
    s.type === 'AzureBlob'
      ? { datastoreType: 'AzureBlob', containerName: s.containerName, protocol: 'https' }
      : { datastoreType: 'AzureDataLakeGen2', filesystem: s.filesystem, protocol: 'https' };
  return {
    id: ds.id,
    name: ds.name,
    type: `${NS}/workspaces/datastores`,
    systemData: systemData(ds.workspace.createdAt),
    properties: { ...common, ...typed },
  };
}

function endpointOf(ctx: RouteContext): EndpointState {
  const ws = workspaceOf(ctx);
  const name = ctx.params.endpointName!;
  const endpoint = ws.endpoints.get(name.toLowerCase());
  if (!endpoint) resourceNotFound(`${NS}/workspaces/${ws.name}/batchEndpoints`, name, ws.resourceGroup.name);
  return endpoint;
}

function page(ctx: RouteContext, items: unknown[]): Reply {
  return json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, items));
}

export function mlRoutes(): Route[] {
  const ws = `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NS}/workspaces/{workspaceName}`;
  const route = (id: string, pattern: string, resourceType: string, handle: Route['handle']): Route => ({
    id: `ml.${id}`,
    method: 'GET',
    pattern,
    kind: 'arm',
    apiVersions: API_VERSIONS.machineLearning,
    resourceType: `${NS}/${resourceType}`,
    handle,
  });
  return [
    route(
      'workspaces.listBySubscription',
      `/subscriptions/{subscriptionId}/providers/${NS}/workspaces`,
      'workspaces',
      (ctx) => {
        const all = [...subscriptionOf(ctx).resourceGroups.values()].flatMap((rg) => [...rg.workspaces.values()]);
        return page(ctx, all.map(workspaceResource));
      },
    ),
    route(
      'workspaces.listByResourceGroup',
      `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NS}/workspaces`,
      'workspaces',
      (ctx) => page(ctx, [...resourceGroupOf(ctx).workspaces.values()].map(workspaceResource)),
    ),
    route('workspaces.get', ws, 'workspaces', (ctx) => json(200, workspaceResource(workspaceOf(ctx)))),
    route('batchEndpoints.list', `${ws}/batchEndpoints`, 'workspaces/batchEndpoints', (ctx) =>
      page(ctx, [...workspaceOf(ctx).endpoints.values()].map(endpointResource)),
    ),
    route('batchEndpoints.get', `${ws}/batchEndpoints/{endpointName}`, 'workspaces/batchEndpoints', (ctx) =>
      json(200, endpointResource(endpointOf(ctx))),
    ),
    route(
      'batchDeployments.list',
      `${ws}/batchEndpoints/{endpointName}/deployments`,
      'workspaces/batchEndpoints/deployments',
      (ctx) => page(ctx, [...endpointOf(ctx).deployments.values()].map(deploymentResource)),
    ),
    route(
      'batchDeployments.get',
      `${ws}/batchEndpoints/{endpointName}/deployments/{deploymentName}`,
      'workspaces/batchEndpoints/deployments',
      (ctx) => {
        const endpoint = endpointOf(ctx);
        const name = ctx.params.deploymentName!;
        const deployment = endpoint.deployments.get(name.toLowerCase());
        if (!deployment)
          resourceNotFound(
            `${NS}/workspaces/${endpoint.workspace.name}/batchEndpoints/${endpoint.name}/deployments`,
            name,
            endpoint.workspace.resourceGroup.name,
          );
        return json(200, deploymentResource(deployment));
      },
    ),
    {
      // `az ml batch-endpoint list-jobs`: azure-ai-ml BatchEndpointOperations.list_jobs ->
      // BatchJobEndpointOperations.list (GET .../batchEndpoints/{endpointName}/jobs, api-version
      // 2020-09-01-dataplanepreview) on the workspace's service host; the emulator serves it on its own URL.
      id: 'ml.batchJobs.list',
      method: 'GET',
      pattern: `${ws}/batchEndpoints/{endpointName}/jobs`,
      kind: 'arm',
      apiVersions: API_VERSIONS.batchJobList,
      resourceType: `${NS}/workspaces/batchEndpoints/jobs`,
      handle: (ctx) => {
        const endpoint = endpointOf(ctx);
        const deployment = ctx.req.query.get('deployment')?.toLowerCase();
        const jobs = [...endpoint.workspace.jobs.values()]
          .filter((j) => j.endpoint === endpoint && (!deployment || j.deployment.name.toLowerCase() === deployment))
          .sort((a, b) => b.createdAt - a.createdAt);
        const now = Date.now();
        return page(
          ctx,
          jobs.map((j) => jobResource(j, jobStatus(j, now), ctx.emulator.cloud.mlStudioUrl)),
        );
      },
    },
    route('datastores.list', `${ws}/datastores`, 'workspaces/datastores', (ctx) =>
      page(ctx, [...workspaceOf(ctx).datastores.values()].map(datastoreResource)),
    ),
    route('datastores.get', `${ws}/datastores/{name}`, 'workspaces/datastores', (ctx) => {
      const workspace = workspaceOf(ctx);
      const name = ctx.params.name!;
      const datastore = workspace.datastores.get(name.toLowerCase());
      if (!datastore)
        resourceNotFound(`${NS}/workspaces/${workspace.name}/datastores`, name, workspace.resourceGroup.name);
      return json(200, datastoreResource(datastore));
    }),
  ];
}
