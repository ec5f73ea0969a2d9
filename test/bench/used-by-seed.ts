// The world of the used-by and runs-view benches: 5 subscriptions holding 20 factories (4 each), 3 pipelines per factory (one calls the
// scoring URI, one waits, one posts to an unrelated hook). At page size 2 every subscription's factory list and every
// factory's pipeline list take 2 pages.
import type { EmulatorSeed } from '../../tools/emulator';

export const USED_BY_TENANT = '00000000-0000-4000-8000-00000000b001';
export const USED_BY_SP = {
  clientId: '00000000-0000-4000-8000-00000000b002',
  objectId: '00000000-0000-4000-8000-00000000b003',
  secret: 'bench',
};
export const USED_BY_SCORING_URI = 'https://scoring.westeurope.inference.ml.azure.com/jobs';
export const USED_BY_SUBSCRIPTIONS = 5;
export const USED_BY_FACTORIES_PER_SUBSCRIPTION = 4;

/** The runs-view bench starts its run here: a pipeline that waits an hour (stays InProgress). */
export const RUNS_VIEW_FACTORY = { resourceGroup: 'rg', name: 'adf-bench-0-0' };
export const RUNS_VIEW_PIPELINE = 'Wait an hour';

export const usedBySubscriptionId = (s: number): string => `00000000-0000-4000-8000-0000000c000${s}`;

export function usedBySeed(): EmulatorSeed {
  const subscriptions = Array.from({ length: USED_BY_SUBSCRIPTIONS }, (_, s) => ({
    id: usedBySubscriptionId(s),
    displayName: `Bench ${s}`,
    tenantId: USED_BY_TENANT,
    resourceGroups: [
      {
        name: 'rg',
        location: 'westeurope',
        dataFactories: Array.from({ length: USED_BY_FACTORIES_PER_SUBSCRIPTION }, (_, f) => ({
          name: `adf-bench-${s}-${f}`,
          pipelines: [
            ...(s === 0 && f === 0
              ? [
                  {
                    name: RUNS_VIEW_PIPELINE,
                    properties: {
                      activities: [{ name: 'Wait', type: 'Wait', typeProperties: { waitTimeInSeconds: 3600 } }],
                    },
                  },
                ]
              : []),
            {
              name: 'Score',
              properties: {
                activities: [
                  {
                    name: 'Invoke',
                    type: 'WebActivity',
                    typeProperties: {
                      method: 'POST',
                      url: USED_BY_SCORING_URI,
                      body: {
                        properties: {
                          InputData: { a: { JobInputType: 'UriFolder', Uri: 'azureml://datastores/d/paths/in/' } },
                        },
                      },
                    },
                  },
                ],
              },
            },
            {
              name: 'Other',
              properties: { activities: [{ name: 'Wait', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }] },
            },
            {
              name: 'Hook',
              properties: {
                activities: [
                  {
                    name: 'Post',
                    type: 'WebActivity',
                    typeProperties: { method: 'POST', url: 'https://hooks.example/x', body: {} },
                  },
                ],
              },
            },
          ],
        })),
      },
    ],
  }));
  return {
    tenants: [{ id: USED_BY_TENANT }],
    servicePrincipals: [{ tenantId: USED_BY_TENANT, ...USED_BY_SP }],
    subscriptions,
    roleAssignments: subscriptions.map((s) => ({
      scope: `/subscriptions/${s.id}`,
      principalId: USED_BY_SP.objectId,
      role: 'Reader',
    })),
  } as EmulatorSeed;
}
