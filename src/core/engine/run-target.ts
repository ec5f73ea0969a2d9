// Where a dry run's Web activities, tokens and secrets go: a cloud (Azure, China, US Gov) or a custom cloud
// such as the emulator. The settings use the extension's own setting shapes (adfBatchEndpoints.cloud,
// .customCloud, .servicePrincipal), flat or with their `adfBatchEndpoints.` prefix (a VS Code settings.json).
import { AZURE_CLOUDS, customCloudUrl, isCloudName, type CloudName } from '../clouds';
import { createNodeHttpClient, type HttpClient } from './http-client';
import type { IdentityResolver } from './identity';
import {
  clientCredentialsToken,
  createStandInIdentity,
  type LinkedServiceLookup,
  type TokenSource,
} from './identity-providers';

export interface RunTargetSettings {
  cloud: CloudName | 'Custom';
  customCloud?: { resourceManagerEndpoint?: string; authorityHost?: string; mlAudience?: string };
  /** A PEM file of an extra CA to trust (e.g. the emulator's). */
  caCertPath?: string;
  /** Stands in for managed identities and reads Key Vault; its secret comes from the environment, never a file. */
  servicePrincipal?: { tenantId: string; clientId: string };
}

const PREFIX = 'adfBatchEndpoints.';

/** Reads settings JSON; throws an Error naming what is wrong. */
export function parseRunTargetSettings(json: unknown, source: string): RunTargetSettings {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${source} must hold a JSON object.`);
  const raw = json as Record<string, unknown>;
  const get = (key: string): unknown => raw[key] ?? raw[`${PREFIX}${key}`];
  const cloud = get('cloud') ?? (get('customCloud') ? 'Custom' : 'AzureCloud');
  if (cloud !== 'Custom' && !isCloudName(cloud))
    throw new Error(
      `${source}: cloud must be AzureCloud, AzureChinaCloud, AzureUSGovernment or Custom, not ${JSON.stringify(cloud)}.`,
    );
  const settings: RunTargetSettings = { cloud };
  const custom = get('customCloud');
  if (cloud === 'Custom') {
    if (
      !custom ||
      typeof custom !== 'object' ||
      typeof (custom as Record<string, unknown>).authorityHost !== 'string'
    ) {
      throw new Error(`${source}: a Custom cloud needs customCloud.authorityHost.`);
    }
    // Checked like the extension's customCloud setting (core/clouds.ts): tokens and secrets go to these hosts.
    const given = custom as Record<string, unknown>;
    const checked: NonNullable<RunTargetSettings['customCloud']> = { authorityHost: '' };
    try {
      for (const key of ['resourceManagerEndpoint', 'authorityHost', 'mlAudience'] as const)
        if (given[key] !== undefined) checked[key] = customCloudUrl(given[key], key);
    } catch (error) {
      throw new Error(`${source}: ${(error as Error).message}`);
    }
    settings.customCloud = checked;
  }
  const ca = get('caCertPath');
  if (ca !== undefined) {
    if (typeof ca !== 'string' || !ca) throw new Error(`${source}: caCertPath must be a file path.`);
    settings.caCertPath = ca;
  }
  const sp = get('servicePrincipal') as Record<string, unknown> | undefined;
  if (sp !== undefined) {
    if (!sp || typeof sp.tenantId !== 'string' || typeof sp.clientId !== 'string')
      throw new Error(`${source}: servicePrincipal needs tenantId and clientId.`);
    settings.servicePrincipal = { tenantId: sp.tenantId, clientId: sp.clientId };
  }
  return settings;
}

/** A custom cloud at one URL (the emulator serves ARM and Entra ID on the same origin). */
export function runTargetFromUrl(url: string): RunTargetSettings {
  const parsed = new URL(url);
  const origin = `${parsed.protocol}//${parsed.host}`;
  return { cloud: 'Custom', customCloud: { resourceManagerEndpoint: origin, authorityHost: origin } };
}

export function authorityHostOf(settings: RunTargetSettings): string {
  if (settings.cloud === 'Custom') return (settings.customCloud?.authorityHost ?? '').replace(/\/+$/, '');
  return AZURE_CLOUDS[settings.cloud].authorityHost;
}

export interface RunEnvironmentOptions {
  /** PEM text of extra CAs to trust (read from caCertPath by the caller). */
  caPem?: string;
  /** Client secret of settings.servicePrincipal (from the environment or a secret store). */
  servicePrincipalSecret?: string;
  /** Overrides the service principal as stand-in (e.g. the VS Code account). */
  standIn?: TokenSource;
  standInName?: string;
  linkedServices?: LinkedServiceLookup;
  onNotice?: (message: string) => void;
  /** Per token or Key Vault request (the extension's request timeout setting); default 30 s. */
  requestTimeoutMs?: number;
}

export interface RunEnvironment {
  http: HttpClient;
  identity: IdentityResolver;
  /** Who answers for managed identities, or undefined when nobody does. */
  standInName?: string;
}

export function createRunEnvironment(settings: RunTargetSettings, options: RunEnvironmentOptions = {}): RunEnvironment {
  const http = createNodeHttpClient(options.caPem ? { ca: options.caPem } : {});
  const authorityHost = authorityHostOf(settings);
  let standIn = options.standIn;
  let standInName = options.standInName;
  const sp = settings.servicePrincipal;
  if (!standIn && sp && options.servicePrincipalSecret) {
    const secret = options.servicePrincipalSecret;
    standIn = (resource, signal) =>
      clientCredentialsToken(http, authorityHost, {
        tenantId: sp.tenantId,
        clientId: sp.clientId,
        clientSecret: secret,
        resource,
        ...(signal ? { signal } : {}),
        ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
      });
    standInName = `service principal ${sp.clientId}`;
  }
  const identity = createStandInIdentity({
    http,
    authorityHost,
    ...(standIn ? { standIn } : {}),
    ...(standInName ? { standInName } : {}),
    ...(options.linkedServices ? { linkedServices: options.linkedServices } : {}),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  return { http, identity, ...(standInName ? { standInName } : {}) };
}
