// The Web activity's `authentication`: MSI, UserAssignedManagedIdentity, ServicePrincipal (secret as SecureString
// or AzureKeyVaultSecret) and Basic become an Authorization header. Secrets and tokens are registered with the
// run's redactor, so they never show in records.
import type { ActivityContext } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import type { TokenSubject } from '../identity';
import { REDACTED } from '../redaction';
import { evaluateString } from './values';

interface SecretReference {
  type?: unknown;
  value?: unknown;
  store?: { referenceName?: unknown };
  secretName?: unknown;
  secretVersion?: unknown;
}

interface Authentication {
  type?: unknown;
  resource?: unknown;
  userTenant?: unknown;
  username?: unknown;
  password?: SecretReference;
  pfx?: unknown;
  credential?: { referenceName?: unknown };
}

/** The Authorization header value for an authentication block, or undefined when there is none. */
export async function authorizationHeader(context: ActivityContext, raw: unknown): Promise<string | undefined> {
  if (raw === undefined || raw === null) return undefined;
  const auth = raw as Authentication;
  const type = String(auth.type ?? '').toLowerCase();
  if (type === '' || type === 'none' || type === 'anonymous') return undefined;
  const { identity } = context.run.services;
  const name = context.activity.name;
  const fail = (message: string): never => {
    throw new ActivityFailure(`Activity '${name}': ${message}`, ErrorCodes.authentication);
  };
  const tokenFor = async (subject: TokenSubject): Promise<string> => {
    if (auth.resource === undefined || auth.resource === null)
      fail(`${String(auth.type)} authentication needs a resource (the token audience, e.g. https://ml.azure.com).`);
    const resource = evaluateString(context, auth.resource, 'authentication.resource');
    try {
      const token = await identity.getToken({ subject, resource, signal: context.signal });
      context.run.redactor.add(token);
      return `Bearer ${token}`;
    } catch (error) {
      if (context.signal.aborted) throw error;
      return fail(`could not get a token for ${resource}: ${(error as Error).message}`);
    }
  };

  switch (type) {
    case 'msi':
      return tokenFor({ kind: 'systemAssigned' });
    case 'userassignedmanagedidentity': {
      const credentialName = auth.credential?.referenceName;
      if (typeof credentialName !== 'string' || !credentialName)
        return fail('UserAssignedManagedIdentity authentication needs credential.referenceName.');
      return tokenFor({ kind: 'userAssigned', credentialName });
    }
    case 'serviceprincipal': {
      if (auth.pfx !== undefined)
        return fail('ServicePrincipal authentication with a certificate (pfx) is not supported by the local engine.');
      const tenantId =
        auth.userTenant === undefined
          ? fail('ServicePrincipal authentication needs userTenant.')
          : evaluateString(context, auth.userTenant, 'authentication.userTenant');
      const clientId =
        auth.username === undefined
          ? fail('ServicePrincipal authentication needs username (the client id).')
          : evaluateString(context, auth.username, 'authentication.username');
      const clientSecret = await resolveSecret(context, auth.password, 'authentication.password');
      return tokenFor({ kind: 'servicePrincipal', tenantId, clientId, clientSecret });
    }
    case 'basic': {
      const username = evaluateString(context, auth.username ?? '', 'authentication.username');
      const password = await resolveSecret(context, auth.password, 'authentication.password');
      const header = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      context.run.redactor.add(header.slice('Basic '.length));
      return header;
    }
    default:
      return fail(
        `authentication type '${String(auth.type)}' is not supported by the local engine (MSI, UserAssignedManagedIdentity, ServicePrincipal and Basic are).`,
      );
  }
}

/** Resolves a SecureString or AzureKeyVaultSecret reference to its value (and marks it secret). */
export async function resolveSecret(
  context: ActivityContext,
  reference: SecretReference | undefined,
  where: string,
): Promise<string> {
  const name = context.activity.name;
  if (!reference || typeof reference !== 'object')
    throw new ActivityFailure(`Activity '${name}': ${where} is missing.`, ErrorCodes.authentication);
  const type = String(reference.type ?? '').toLowerCase();
  let secret: string;
  if (type === 'securestring') {
    secret = evaluateString(context, reference.value ?? '', `${where}.value`);
  } else if (type === 'azurekeyvaultsecret') {
    const linkedServiceName = reference.store?.referenceName;
    if (typeof linkedServiceName !== 'string' || !linkedServiceName) {
      throw new ActivityFailure(
        `Activity '${name}': ${where} needs store.referenceName (an Azure Key Vault linked service).`,
        ErrorCodes.authentication,
      );
    }
    const secretName = evaluateString(context, reference.secretName ?? '', `${where}.secretName`);
    const secretVersion =
      reference.secretVersion === undefined
        ? undefined
        : evaluateString(context, reference.secretVersion, `${where}.secretVersion`);
    try {
      secret = await context.run.services.identity.getKeyVaultSecret({
        linkedServiceName,
        secretName,
        ...(secretVersion ? { secretVersion } : {}),
        signal: context.signal,
      });
    } catch (error) {
      if (context.signal.aborted) throw error;
      throw new ActivityFailure(
        `Activity '${name}': could not read Key Vault secret '${secretName}' through linked service '${linkedServiceName}': ${(error as Error).message}`,
        ErrorCodes.authentication,
      );
    }
  } else {
    throw new ActivityFailure(
      `Activity '${name}': ${where} must be a SecureString or an AzureKeyVaultSecret, got type '${String(reference.type)}'.`,
      ErrorCodes.authentication,
    );
  }
  context.run.redactor.add(secret);
  return secret;
}

/** The authentication block as the activity run's input shows it: literal secrets masked. */
export function maskAuthentication(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const copy = structuredClone(raw) as Authentication;
  if (
    copy.password &&
    typeof copy.password === 'object' &&
    String(copy.password.type).toLowerCase() === 'securestring'
  ) {
    copy.password = { ...copy.password, value: REDACTED };
  }
  if (copy.pfx && typeof copy.pfx === 'object') copy.pfx = { ...(copy.pfx as object), value: REDACTED };
  return copy;
}
