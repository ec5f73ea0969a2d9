// Shared by the pipeline tests: one set of options per authentication variant, and ways to walk a pipeline.
import { Activity, AuthKind, BatchPipelineOptions, JsonValue, PipelineDocument } from '../../../src/core/pipeline';

export const SCORING_URI = 'https://churn.westeurope.inference.ml.azure.com/jobs';

export function optionsFor(kind: AuthKind, extra: Partial<BatchPipelineOptions> = {}): BatchPipelineOptions {
  const auth: BatchPipelineOptions['auth'] =
    kind === 'mi'
      ? { kind }
      : kind === 'uami'
        ? { kind, credentialName: 'batch-uami' }
        : kind === 'sp-keyvault'
          ? {
              kind,
              keyVaultLinkedService: 'KeyVault-Secrets',
              secretName: 'batch-sp-secret',
              tenantId: 'contoso.onmicrosoft.com',
              clientId: '11111111-2222-3333-4444-555555555555',
            }
          : { kind, tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' };
  return {
    endpointUri: SCORING_URI,
    inputUri: 'azureml://datastores/workspaceblobstore/paths/churn/input/',
    auth,
    ...extra,
  };
}

export const VARIANTS: readonly AuthKind[] = ['mi', 'uami', 'sp-keyvault', 'sp-secret'];

/** Every activity, nested ones included, depth first in document order. */
export function allActivities(pipeline: PipelineDocument): Activity[] {
  const found: Activity[] = [];
  const visit = (list: readonly Activity[]): void => {
    for (const activity of list) {
      found.push(activity);
      for (const key of ['activities', 'ifTrueActivities', 'ifFalseActivities']) {
        const nested = activity.typeProperties[key];
        if (Array.isArray(nested)) visit(nested as unknown as Activity[]);
      }
    }
  };
  visit(pipeline.properties.activities);
  return found;
}

export function activity(pipeline: PipelineDocument, name: string): Activity {
  const found = allActivities(pipeline).find((a) => a.name === name);
  if (!found)
    throw new Error(
      `no activity "${name}" in ${allActivities(pipeline)
        .map((a) => a.name)
        .join(', ')}`,
    );
  return found;
}

/** Every string in a JSON value, with its path. */
export function allStrings(value: JsonValue | undefined, path = '$'): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => allStrings(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => allStrings(v, `${path}.${k}`));
  return [];
}

/** Substitutes each `@{...}` hole of an interpolated string with a value computed from its expression text. */
export function fillHoles(template: string, valueOf: (expression: string) => string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf('@{', i);
    if (start < 0) break;
    out += template.slice(i, start);
    let depth = 0;
    let inString = false;
    let j = start + 1;
    for (; j < template.length; j++) {
      const c = template[j];
      if (inString) {
        if (c === "'") inString = template[j + 1] === "'" ? (j++, true) : false;
      } else if (c === "'") inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out += valueOf(template.slice(start + 2, j));
    i = j + 1;
  }
  return out + template.slice(i);
}
