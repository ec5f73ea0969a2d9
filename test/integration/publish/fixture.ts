// One emulator per test file with the wizard's seed (test/fixtures/seeds/wizard.json), pipeline runs executed by
// the local engine, and the wizard's SDK-backed stores (src/azure/sdk/wizard-azure.ts) signed in as the
// seed's service principals.
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import type { CloudDefinition } from '../../../src/core/clouds';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { createWizardAzure, type WizardAzure } from '../../../src/azure/sdk/wizard-azure';
import type { EmulatorControlClient } from '../../../tools/emulator/control-client';
import type { RunningEmulator } from '../../../tools/emulator/index';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from '../../../tools/emulator/trust';
import { useEmulator } from '../../support/emulator';

export const WIZARD_SEED = join(process.cwd(), 'test', 'fixtures', 'seeds', 'wizard.json');

export const W = {
  tenant: 'a1a1a1a1-0000-4000-8000-0000000000c1',
  subscription: '5a5a5a5a-0000-4000-8000-0000000000c1',
  owner: {
    clientId: 'c1c1c1c1-1111-4000-8000-0000000000c1',
    objectId: '0b0b0b0b-1111-4000-8000-0000000000c1',
    secret: 'wizard-sp-secret-4f7c2e91',
  },
  reader: { clientId: 'c2c2c2c2-1111-4000-8000-0000000000c2', secret: 'wizard-reader-secret-9d1a' },
  workspaceId:
    '/subscriptions/5a5a5a5a-0000-4000-8000-0000000000c1/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-wizard',
  workspace: { subscriptionId: '5a5a5a5a-0000-4000-8000-0000000000c1', resourceGroup: 'rg-ml', name: 'ws-wizard' },
  factory: (name: string) => ({
    subscriptionId: '5a5a5a5a-0000-4000-8000-0000000000c1',
    resourceGroup: 'rg-adf',
    name,
  }),
  miIdentity: 'f1f1f1f1-1111-4000-8000-0000000000c1',
  readyIdentity: 'f1f1f1f1-1111-4000-8000-0000000000c2',
  uamiPrincipal: 'e1e1e1e1-1111-4000-8000-0000000000c1',
} as const;

export interface PublishFixture {
  emulator: RunningEmulator;
  control: EmulatorControlClient;
  cloud: CloudDefinition;
  /** Stores signed in as the owner (may assign roles). */
  azure: WizardAzure;
  /** Stores signed in as the reader (may not assign roles). */
  readerAzure: WizardAzure;
  scoringUri(endpoint: string): string;
}

export function usePublishEmulator(timeScale = 20): PublishFixture {
  const fx = {} as PublishFixture;
  const running = useEmulator(WIZARD_SEED, { timeScale });
  before(() => {
    const { emulator, control, cloud } = running;
    const clientOptions = {
      additionalPolicies: [{ policy: trustEmulatorCaPolicy(emulator.caCertPem), position: 'perCall' as const }],
    };
    const azureAs = (sp: { clientId: string; secret: string }): WizardAzure =>
      createWizardAzure(
        new AzureClientPool({
          cloud,
          credentialForTenant: () =>
            new ClientSecretCredential(W.tenant, sp.clientId, sp.secret, emulatorCredentialOptions(emulator)),
          clientOptions,
        }),
        W.tenant,
        W.subscription,
      );
    Object.assign(fx, {
      emulator,
      control,
      cloud,
      azure: azureAs(W.owner),
      readerAzure: azureAs(W.reader),
      scoringUri: (endpoint: string) => `${emulator.url}/ml/eastus/${endpoint}/jobs`,
    } satisfies PublishFixture);
  });
  return fx;
}
