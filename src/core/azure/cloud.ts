// The endpoints of each Azure cloud the extension can talk to. Pure data: the settings layer picks one.

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Custom';

export const CLOUD_NAMES: readonly CloudName[] = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom'];

export interface CloudEndpoints {
  name: CloudName;
  /** ARM base URL without a trailing slash, e.g. https://management.azure.com */
  resourceManagerEndpoint: string;
  /** Entra ID authority host without a trailing slash, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Audience of ARM tokens; the scope asked for is `${armAudience}.default` (audience ends with '/'). */
  armAudience: string;
  /** Audience of batch endpoint data-plane tokens, e.g. https://ml.azure.com */
  mlAudience: string;
  portalUrl: string;
  mlStudioUrl: string;
}

/** The custom cloud as written in `adfBatchEndpoints.customCloud`. */
export interface CustomCloudSetting {
  resourceManagerEndpoint?: string;
  authorityHost?: string;
  mlAudience?: string;
  /** Optional: the ARM token audience; public Azure's when absent (what ARM-compatible emulators accept). */
  armAudience?: string;
  portalUrl?: string;
  mlStudioUrl?: string;
}

const KNOWN_CLOUDS: Record<Exclude<CloudName, 'Custom'>, CloudEndpoints> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    armAudience: 'https://management.azure.com/',
    mlAudience: 'https://ml.azure.com',
    portalUrl: 'https://portal.azure.com',
    mlStudioUrl: 'https://ml.azure.com',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    armAudience: 'https://management.core.chinacloudapi.cn/',
    mlAudience: 'https://ml.azure.cn',
    portalUrl: 'https://portal.azure.cn',
    mlStudioUrl: 'https://studio.ml.azure.cn',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    armAudience: 'https://management.core.usgovcloudapi.net/',
    mlAudience: 'https://ml.azure.us',
    portalUrl: 'https://portal.azure.us',
    mlStudioUrl: 'https://ml.azure.us',
  },
};

export class CloudConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudConfigurationError';
  }
}

/** The scope to ask a credential for when calling ARM in this cloud. */
export function armScope(cloud: CloudEndpoints): string {
  return `${withTrailingSlash(cloud.armAudience)}.default`;
}

/**
 * Resolves a cloud name (and, for Custom, the custom cloud setting) to its endpoints. Throws a
 * CloudConfigurationError naming the setting to fix when the input is unusable.
 */
export function resolveCloud(name: string | undefined, custom?: CustomCloudSetting): CloudEndpoints {
  const cloudName = name ?? 'AzureCloud';
  if (cloudName !== 'Custom') {
    const known = KNOWN_CLOUDS[cloudName as keyof typeof KNOWN_CLOUDS];
    if (!known) {
      throw new CloudConfigurationError(`Unknown cloud "${cloudName}" in adfBatchEndpoints.cloud; expected one of ${CLOUD_NAMES.join(', ')}.`);
    }
    return { ...known };
  }
  const resourceManagerEndpoint = requireUrl(custom?.resourceManagerEndpoint, 'resourceManagerEndpoint');
  const authorityHost = requireUrl(custom?.authorityHost, 'authorityHost');
  const mlAudience = requireUrl(custom?.mlAudience, 'mlAudience');
  return {
    name: 'Custom',
    resourceManagerEndpoint,
    authorityHost,
    mlAudience,
    armAudience: withTrailingSlash(optionalUrl(custom?.armAudience, 'armAudience') ?? KNOWN_CLOUDS.AzureCloud.armAudience),
    portalUrl: optionalUrl(custom?.portalUrl, 'portalUrl') ?? KNOWN_CLOUDS.AzureCloud.portalUrl,
    mlStudioUrl: optionalUrl(custom?.mlStudioUrl, 'mlStudioUrl') ?? KNOWN_CLOUDS.AzureCloud.mlStudioUrl,
  };
}

function requireUrl(value: string | undefined, field: string): string {
  const url = optionalUrl(value, field);
  if (!url) {
    throw new CloudConfigurationError(`adfBatchEndpoints.customCloud.${field} is required when adfBatchEndpoints.cloud is "Custom".`);
  }
  return url;
}

function optionalUrl(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new CloudConfigurationError(`adfBatchEndpoints.customCloud.${field} is not a URL: "${value}".`);
  }
  if (parsed.protocol !== 'https:') {
    throw new CloudConfigurationError(`adfBatchEndpoints.customCloud.${field} must use https: "${value}".`);
  }
  return value.trim().replace(/\/+$/, '');
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
