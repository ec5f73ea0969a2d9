// Where a pipeline lives: one Data Factory, addressed by subscription, resource group and name.

export interface FactoryRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export const DATA_FACTORY_API_VERSION = '2018-06-01';
export const MANAGED_IDENTITY_API_VERSION = '2023-01-31';

/** `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.DataFactory/factories/<name>` */
export function factoryResourceId(factory: FactoryRef): string {
  return `/subscriptions/${factory.subscriptionId}/resourceGroups/${factory.resourceGroup}/providers/Microsoft.DataFactory/factories/${factory.name}`;
}

/** The factory's ARM id parsed back; undefined when the id is not a factory's. */
export function parseFactoryId(id: string): FactoryRef | undefined {
  const match =
    /^\/?subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataFactory\/factories\/([^/]+)\/?$/i.exec(
      id.trim(),
    );
  return match ? { subscriptionId: match[1], resourceGroup: match[2], name: match[3] } : undefined;
}

/** The ARM URL of a pipeline (path and api-version) relative to the ARM endpoint. */
export function pipelinePath(factory: FactoryRef, pipelineName: string): string {
  return `${factoryResourceId(factory)}/pipelines/${encodeURIComponent(pipelineName)}?api-version=${DATA_FACTORY_API_VERSION}`;
}
