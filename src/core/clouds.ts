// The Azure clouds the product knows: where ARM and Entra ID live and which token audiences they use.
// Batch endpoints take a token for the ML audience, which differs per cloud (not the ARM audience).

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export interface CloudDefinition {
  /** A known cloud name, or 'Custom' for one built with customCloud(). */
  name: CloudName | 'Custom';
  /** ARM endpoint without a trailing slash, e.g. https://management.azure.com */
  resourceManagerEndpoint: string;
  /** Entra ID authority host without a trailing slash, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Token audience for ARM (with the trailing slash ARM uses in token requests). */
  armAudience: string;
  /** Token audience for the Azure ML data plane (batch endpoint scoring URIs). */
  mlAudience: string;
  /** Azure portal; absent for a custom cloud that did not give one. */
  portalUrl?: string;
  /** Azure ML Studio; absent for a custom cloud that did not give one. */
  mlStudioUrl?: string;
}

export const AZURE_CLOUDS: Readonly<Record<CloudName, Readonly<CloudDefinition>>> = Object.freeze({
  AzureCloud: Object.freeze({
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    armAudience: 'https://management.azure.com/',
    mlAudience: 'https://ml.azure.com',
    portalUrl: 'https://portal.azure.com',
    mlStudioUrl: 'https://ml.azure.com',
  }),
  AzureChinaCloud: Object.freeze({
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    armAudience: 'https://management.chinacloudapi.cn/',
    mlAudience: 'https://ml.azure.cn',
    portalUrl: 'https://portal.azure.cn',
    mlStudioUrl: 'https://studio.ml.azure.cn',
  }),
  AzureUSGovernment: Object.freeze({
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    armAudience: 'https://management.usgovcloudapi.net/',
    mlAudience: 'https://ml.azure.us',
    portalUrl: 'https://portal.azure.us',
    mlStudioUrl: 'https://ml.azure.us',
  }),
});

export const CLOUD_NAMES: readonly CloudName[] = Object.freeze(Object.keys(AZURE_CLOUDS) as CloudName[]);

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && (CLOUD_NAMES as readonly string[]).includes(value);
}

/** The definition of a known cloud (a fresh copy callers may keep). */
export function getCloud(name: CloudName): CloudDefinition {
  return { ...AZURE_CLOUDS[name] };
}

/** The settings shape of `adfBatchEndpoints.customCloud` (and of the emulator's `cloud`). */
export interface CustomCloudSettings {
  resourceManagerEndpoint: string;
  authorityHost: string;
  mlAudience: string;
  armAudience?: string;
  portalUrl?: string;
  mlStudioUrl?: string;
}

/** Thrown by customCloud() with a message fit to show a user. */
export class CloudConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudConfigurationError';
  }
}

/**
 * A cloud from user settings (sovereign or private clouds, the offline emulator). URLs must be absolute
 * http(s) URLs; trailing slashes are normalised away, except on the ARM audience which keeps one.
 */
export function customCloud(settings: CustomCloudSettings): CloudDefinition {
  if (typeof settings !== 'object' || settings === null) {
    throw new CloudConfigurationError(
      'The custom cloud must be an object with resourceManagerEndpoint, authorityHost and mlAudience.',
    );
  }
  const resourceManagerEndpoint = requiredUrl(settings, 'resourceManagerEndpoint');
  const cloud: CloudDefinition = {
    name: 'Custom',
    resourceManagerEndpoint,
    authorityHost: requiredUrl(settings, 'authorityHost'),
    armAudience: `${settings.armAudience === undefined ? resourceManagerEndpoint : requiredUrl(settings, 'armAudience')}/`,
    mlAudience: requiredUrl(settings, 'mlAudience'),
  };
  if (settings.portalUrl !== undefined) cloud.portalUrl = requiredUrl(settings, 'portalUrl');
  if (settings.mlStudioUrl !== undefined) cloud.mlStudioUrl = requiredUrl(settings, 'mlStudioUrl');
  return cloud;
}

function requiredUrl(settings: CustomCloudSettings, key: keyof CustomCloudSettings): string {
  return customCloudUrl(settings[key], key);
}

/**
 * One URL of a custom cloud, checked and normalised (the one place that decides which hosts may get tokens):
 * an absolute https URL, or http to a loopback address; without trailing slashes.
 */
export function customCloudUrl(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CloudConfigurationError(`The custom cloud needs "${key}" (an https URL).`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CloudConfigurationError(`The custom cloud's "${key}" is not a valid URL: ${value}`);
  }
  // Tokens and the service principal's secret go to these hosts: never in clear text, except to this machine
  // (the offline emulator and sandboxes listen on a loopback address).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new CloudConfigurationError(
      `The custom cloud's "${key}" must be an https URL (http is allowed only for a loopback address such as 127.0.0.1): ${value}`,
    );
  }
  return withoutTrailingSlash(value.trim());
}

/** localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** True when `resource` is the ML audience of a known cloud or of the given extra clouds (slash-insensitive). */
export function isMlAudience(resource: string, extraClouds: readonly CloudDefinition[] = []): boolean {
  const wanted = withoutTrailingSlash(resource.trim()).toLowerCase();
  return [...Object.values(AZURE_CLOUDS), ...extraClouds].some(
    (c) => withoutTrailingSlash(c.mlAudience).toLowerCase() === wanted,
  );
}
