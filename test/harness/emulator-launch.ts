// Starts the Azure emulator (tools/emulator) inside the harness process, and reads the identity it signs in with.
import { readFileSync } from 'node:fs';
import { startEmulator, type RunningEmulator } from '../../tools/emulator';
import type { ServicePrincipalRef } from './user-settings';

export type HarnessEmulator = RunningEmulator;

export interface SeedServicePrincipal extends ServicePrincipalRef {
  secret: string;
}

export function startHarnessEmulator(
  seedPath: string,
  options: { port?: number; stateDir?: string } = {},
): Promise<HarnessEmulator> {
  return startEmulator({ seed: seedPath, ...options });
}

/** The seed's service principal the extension signs in as: `clientId` if given, else the first one. */
export function seedServicePrincipal(seedPath: string, clientId?: string): SeedServicePrincipal {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { servicePrincipals?: SeedServicePrincipal[] };
  const all = seed.servicePrincipals ?? [];
  const chosen = clientId ? all.find((sp) => sp.clientId === clientId) : all[0];
  if (!chosen)
    throw new Error(`seed ${seedPath} has no service principal${clientId ? ` with client id ${clientId}` : ''}`);
  return { tenantId: chosen.tenantId, clientId: chosen.clientId, secret: chosen.secret };
}
