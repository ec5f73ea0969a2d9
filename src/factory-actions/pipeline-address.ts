// Where a live factory pipeline is: its factory (subscription, resource group, name), its tenant and its name, and
// the read-only `adf-pipeline:` URI that shows its JSON. One shape for the tree's nodes, the commands and the
// document provider.
import * as vscode from 'vscode';
import type { FactoryPipeline } from '../core/factory';
import type { FactoryRef } from '../core/publish';

export const PIPELINE_SCHEME = 'adf-pipeline';

export interface PipelineAddress {
  factory: FactoryRef;
  /** ARM id of the factory. */
  factoryId: string;
  tenantId: string;
  name: string;
}

export function addressOf(pipeline: FactoryPipeline): PipelineAddress {
  const f = pipeline.factory;
  return {
    factory: { subscriptionId: f.subscriptionId, resourceGroup: f.resourceGroup, name: f.name },
    factoryId: f.id,
    tenantId: f.tenantId,
    name: pipeline.name,
  };
}

/** `adf-pipeline:/<subscription>/<resource group>/<factory>/<pipeline>.json?tenant=<tenant>` */
export function pipelineUri(address: PipelineAddress): vscode.Uri {
  const { subscriptionId, resourceGroup, name } = address.factory;
  const path = [subscriptionId, resourceGroup, name, `${address.name}.json`].map(encodeURIComponent).join('/');
  return vscode.Uri.from({
    scheme: PIPELINE_SCHEME,
    path: `/${path}`,
    query: new URLSearchParams({ tenant: address.tenantId }).toString(),
  });
}

export function addressOfUri(uri: vscode.Uri): PipelineAddress {
  const parts = uri.path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length !== 4 || !parts[3].endsWith('.json')) throw new Error(`Not a pipeline address: ${uri.toString()}`);
  const [subscriptionId, resourceGroup, factoryName, file] = parts;
  const factory = { subscriptionId, resourceGroup, name: factoryName };
  return {
    factory,
    factoryId: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}`,
    tenantId: new URLSearchParams(uri.query).get('tenant') ?? '',
    name: file.slice(0, -'.json'.length),
  };
}
