// Identity resolvers for runs outside Data Factory (CLI and VS Code dry runs):
// - ServicePrincipal authentication: client credentials against the cloud's Entra ID authority, as ADF does;
// - MSI / UserAssignedManagedIdentity: the factory's identity is not available outside Azure, so a stand-in
//   token source answers (the signed-in user or a configured service principal), and the run is told so;
// - AzureKeyVaultSecret: the linked service's baseUrl is read from the factory's files, the secret from Key Vault.
import { entraRefusal } from './entra-errors';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import type { IdentityResolver, KeyVaultSecretRequest, TokenRequest } from './identity';

/**
 * How long one token or Key Vault request may take before the activity fails: the extension's
 * adfBatchEndpoints.requestTimeoutSeconds default (the Dry Run passes the setting, the CLI --request-timeout).
 */
export const DEFAULT_AZURE_REQUEST_TIMEOUT_MS = 30_000;

/** Gets an access token for an audience (e.g. an @azure/identity credential, or client credentials). */
export type TokenSource = (resource: string, signal?: AbortSignal) => Promise<string>;

/** Finds a linked service's `properties` by name (e.g. from linkedService/<name>.json), or undefined. */
export type LinkedServiceLookup = (name: string) => Promise<Record<string, unknown> | undefined>;

/** Token from Entra ID's v1 endpoint with client credentials (`resource=`), what ADF's ServicePrincipal auth does. */
export async function clientCredentialsToken(
  http: HttpClient,
  authorityHost: string,
  request: {
    tenantId: string;
    clientId: string;
    clientSecret: string;
    resource: string;
    signal?: AbortSignal;
    /** Default DEFAULT_AZURE_REQUEST_TIMEOUT_MS. */
    timeoutMs?: number;
  },
): Promise<string> {
  const url = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(request.tenantId)}/oauth2/token`;
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: request.clientId,
    client_secret: request.clientSecret,
    resource: request.resource,
  }).toString();
  const response = await sendToAzure(http, 'Entra ID', request.timeoutMs, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  let parsed: { access_token?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    // handled below
  }
  if (response.status !== 200 || typeof parsed.access_token !== 'string') {
    const reason =
      typeof parsed.error_description === 'string'
        ? (entraRefusal(response.body) ?? parsed.error_description)
        : typeof parsed.error === 'string'
          ? parsed.error
          : `HTTP ${response.status}`;
    throw new Error(
      `Entra ID refused client credentials for client '${request.clientId}' in tenant '${request.tenantId}': ${reason}`,
    );
  }
  return parsed.access_token;
}

/** The Key Vault audience for a vault URL (per cloud), e.g. https://vault.azure.net. */
export function keyVaultAudience(baseUrl: string): string {
  let host = '';
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    // fall through to the public cloud
  }
  for (const suffix of ['vault.azure.cn', 'vault.usgovcloudapi.net', 'vault.microsoftazure.de']) {
    if (host.endsWith(`.${suffix}`)) return `https://${suffix}`;
  }
  return 'https://vault.azure.net';
}

export interface StandInIdentityOptions {
  http: HttpClient;
  /** Entra ID authority of the cloud, e.g. https://login.microsoftonline.com (or the emulator's URL). */
  authorityHost: string;
  /** Answers for MSI and user-assigned identities, and reads Key Vault. Without it those fail clearly. */
  standIn?: TokenSource;
  /** Describes the stand-in in messages, e.g. "service principal 1111..." or "your VS Code account". */
  standInName?: string;
  linkedServices?: LinkedServiceLookup;
  /** Told once per identity kind that a stand-in answered for it. */
  onNotice?: (message: string) => void;
  /** Per token or Key Vault request; default DEFAULT_AZURE_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

export function createStandInIdentity(options: StandInIdentityOptions): IdentityResolver {
  const noticed = new Set<string>();
  const notice = (key: string, message: string): void => {
    if (noticed.has(key)) return;
    noticed.add(key);
    options.onNotice?.(message);
  };
  const standIn = async (resource: string, signal: AbortSignal | undefined, what: string): Promise<string> => {
    if (!options.standIn)
      throw new Error(
        `${what} is only available inside Azure Data Factory; sign in (or configure a service principal) to let a stand-in identity answer for it.`,
      );
    return options.standIn(resource, signal);
  };
  return {
    async getToken({ subject, resource, signal }: TokenRequest): Promise<string> {
      switch (subject.kind) {
        case 'servicePrincipal':
          return clientCredentialsToken(options.http, options.authorityHost, {
            ...subject,
            resource,
            ...(signal ? { signal } : {}),
            ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
          });
        case 'systemAssigned':
          notice(
            'msi',
            `The factory's managed identity is not available outside Data Factory: ${options.standInName ?? 'the stand-in identity'} is used instead.`,
          );
          return standIn(resource, signal, "The factory's managed identity");
        case 'userAssigned':
          notice(
            `uami:${subject.credentialName}`,
            `The user-assigned identity of credential '${subject.credentialName}' is not available outside Data Factory: ${options.standInName ?? 'the stand-in identity'} is used instead.`,
          );
          return standIn(resource, signal, `The user-assigned identity of credential '${subject.credentialName}'`);
      }
    },
    async getKeyVaultSecret({
      linkedServiceName,
      secretName,
      secretVersion,
      signal,
    }: KeyVaultSecretRequest): Promise<string> {
      const linkedService = await options.linkedServices?.(linkedServiceName);
      if (!linkedService)
        throw new Error(
          `linked service '${linkedServiceName}' was not found next to the pipeline (linkedService/${linkedServiceName}.json).`,
        );
      const typeProperties = (linkedService.typeProperties ?? {}) as Record<string, unknown>;
      const baseUrl = typeProperties.baseUrl;
      if (typeof baseUrl !== 'string' || !/^https?:\/\//i.test(baseUrl))
        throw new Error(`linked service '${linkedServiceName}' has no literal typeProperties.baseUrl (the vault URL).`);
      const token = await standIn(keyVaultAudience(baseUrl), signal, 'Reading Key Vault');
      const url = `${baseUrl.replace(/\/+$/, '')}/secrets/${encodeURIComponent(secretName)}${secretVersion ? `/${encodeURIComponent(secretVersion)}` : ''}?api-version=7.4`;
      const response = await sendToAzure(options.http, 'Key Vault', options.requestTimeoutMs, {
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(signal ? { signal } : {}),
      });
      let parsed: { value?: unknown; error?: { message?: unknown } } = {};
      try {
        parsed = JSON.parse(response.body) as typeof parsed;
      } catch {
        // handled below
      }
      if (response.status !== 200 || typeof parsed.value !== 'string') {
        throw new Error(
          `Key Vault answered ${response.status}${typeof parsed.error?.message === 'string' ? `: ${parsed.error.message}` : ''}.`,
        );
      }
      return parsed.value;
    },
  };
}

/** One request to Entra ID or Key Vault, cut after the request timeout with a message naming who did not answer. */
async function sendToAzure(
  http: HttpClient,
  service: string,
  timeoutMs: number | undefined,
  request: Omit<HttpRequest, 'timeoutMs'>,
): Promise<HttpResponse> {
  const ms = timeoutMs && timeoutMs > 0 ? timeoutMs : DEFAULT_AZURE_REQUEST_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(ms);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    return await http.send({ ...request, signal });
  } catch (error) {
    if (timeout.aborted && !request.signal?.aborted)
      throw new Error(
        `${service} did not answer in ${Math.round(ms / 100) / 10} s (${request.method} ${hostOf(request.url)}).`,
      );
    throw error;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
