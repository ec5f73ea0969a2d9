// The bench clients' way in: the product's own client pool, signed in as a seeded service principal of the
// bench emulator (a custom cloud whose ARM endpoint and authority are the emulator).
import { ClientSecretCredential } from '@azure/identity';
import { resolveCloud, type CloudDefinition } from '../../src/core/azure';
import { AzureClientPool } from '../../src/azure/sdk/client-pool';
import type { BenchEmulatorInfo } from './emulator-process';

export interface BenchPrincipal {
  tenantId: string;
  clientId: string;
  secret: string;
}

export interface BenchClients {
  pool: AzureClientPool;
  credential: ClientSecretCredential;
  cloud: CloudDefinition;
}

export function benchClientPool(
  emulator: Pick<BenchEmulatorInfo, 'url' | 'mlAudience'>,
  principal: BenchPrincipal,
): BenchClients {
  const credential = new ClientSecretCredential(principal.tenantId, principal.clientId, principal.secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
  const cloud = resolveCloud('Custom', {
    resourceManagerEndpoint: emulator.url,
    authorityHost: emulator.url,
    mlAudience: emulator.mlAudience,
  });
  return { pool: new AzureClientPool({ cloud, credentialForTenant: () => credential }), credential, cloud };
}
