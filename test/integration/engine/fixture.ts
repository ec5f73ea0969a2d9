// An emulator whose pipeline runs are executed by the local engine, with a seed built for engine tests:
// one batch endpoint per job outcome, a factory with a system-assigned identity, a user-assigned identity
// credential, a Key Vault linked service whose vault holds the service principal's secret.
import { ClientSecretCredential } from '@azure/identity';
import { DataFactoryManagementClient } from '@azure/arm-datafactory';
import type { CloudDefinition } from '../../../src/core/clouds';
import type { EmulatorSeed, RunningEmulator } from '../../../tools/emulator/index';
import { emulatorArmClientOptions, emulatorCredentialOptions } from '../../../tools/emulator/trust';
import { useEmulator } from '../../support/emulator';

export const IDS = {
  tenant: 'aaaaaaaa-0000-4000-8000-0000000000e1',
  subscription: '11111111-eeee-4000-8000-000000000001',
  sp: {
    clientId: 'c1c1c1c1-0000-4000-8000-0000000000e1',
    objectId: '0b0b0b0b-0000-4000-8000-0000000000e1',
    secret: 'engine-sp-secret-value',
  },
  factoryIdentity: 'f1f1f1f1-0000-4000-8000-0000000000e1',
  uami: { principalId: 'e1e1e1e1-0000-4000-8000-0000000000e1', clientId: 'e2e2e2e2-0000-4000-8000-0000000000e1' },
} as const;
export const RG = 'rg-engine';
export const FACTORY = 'adf-engine';
export const CREDENTIAL = 'uami-cred';
export const KEY_VAULT_LINKED_SERVICE = 'kv-ls';
export const SECRET_NAME = 'sp-secret';
export const JOB_ERROR = "ModelError: input column 'age' is missing from the input data.";

const endpoint = (name: string, behaviour: Record<string, unknown>): Record<string, unknown> => ({
  name,
  defaults: { deploymentName: 'main' },
  deployments: [{ name: 'main', model: 'azureml:model:1' }],
  ...behaviour,
});

export const ENGINE_SEED: EmulatorSeed = {
  description: 'Engine integration tests (test/integration/engine).',
  tenants: [{ id: IDS.tenant, displayName: 'Engine Tests' }],
  servicePrincipals: [
    {
      tenantId: IDS.tenant,
      clientId: IDS.sp.clientId,
      objectId: IDS.sp.objectId,
      secret: IDS.sp.secret,
      displayName: 'engine-tests',
    },
  ],
  subscriptions: [
    {
      id: IDS.subscription,
      displayName: 'Engine',
      tenantId: IDS.tenant,
      resourceGroups: [
        {
          name: 'rg-ml',
          location: 'eastus',
          workspaces: [
            {
              name: 'ws',
              batchEndpoints: [
                endpoint('score-complete', { jobOutcome: 'Completed', jobPolls: 3 }),
                endpoint('score-fail', { jobOutcome: 'Failed', jobError: JOB_ERROR, jobPolls: 2 }),
                endpoint('score-cancel', { jobOutcome: 'Canceled', jobPolls: 2 }),
                endpoint('score-slow', { jobOutcome: 'Completed', jobSeconds: 100_000 }),
              ] as never,
              datastores: [
                {
                  name: 'workspaceblobstore',
                  type: 'AzureBlob',
                  accountName: 'steng',
                  containerName: 'azureml-blobstore',
                  isDefault: true,
                },
              ],
            },
          ],
        },
        {
          name: RG,
          location: 'eastus',
          dataFactories: [
            {
              name: FACTORY,
              identity: { principalId: IDS.factoryIdentity },
              linkedServices: [
                {
                  name: KEY_VAULT_LINKED_SERVICE,
                  properties: {
                    type: 'AzureKeyVault',
                    typeProperties: { baseUrl: 'https://kv-engine.vault.azure.net/' },
                  },
                },
              ],
              credentials: [
                {
                  name: CREDENTIAL,
                  resourceId: `/subscriptions/${IDS.subscription}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-batch`,
                  principalId: IDS.uami.principalId,
                  clientId: IDS.uami.clientId,
                },
              ],
            },
          ],
          keyVaults: [{ name: 'kv-engine', secrets: { [SECRET_NAME]: IDS.sp.secret } }],
        },
      ],
    },
  ],
  roleAssignments: [{ scope: `/subscriptions/${IDS.subscription}`, principalId: IDS.sp.objectId, role: 'Owner' }],
};

export interface EngineFixture {
  emulator: RunningEmulator;
  adf: DataFactoryManagementClient;
  /** The emulator as the cloud a generated pipeline targets (its Entra ID for the Authorize step). */
  cloud: CloudDefinition;
  scoringUri(endpointName: string): string;
}

export function useEngineEmulator(timeScale: number): EngineFixture {
  const fx = {} as EngineFixture;
  const running = useEmulator(ENGINE_SEED, { timeScale });
  before(() => {
    const { emulator, cloud } = running;
    const credential = new ClientSecretCredential(
      IDS.tenant,
      IDS.sp.clientId,
      IDS.sp.secret,
      emulatorCredentialOptions(emulator),
    );
    Object.assign(fx, {
      emulator,
      adf: new DataFactoryManagementClient(credential, IDS.subscription, emulatorArmClientOptions(emulator)),
      cloud,
      scoringUri: (name: string) => `${emulator.url}/ml/eastus/${name}/jobs`,
    } satisfies EngineFixture);
  });
  return fx;
}
