// How the engine gets tokens and secrets for Web activity authentication. Who answers depends on where the
// run happens: the emulator issues the factory's identity tokens and resolves Key Vault secrets from its seed;
// a dry run against Azure asks Entra ID and Key Vault (see identity-providers.ts).

/** Whom a token is for. */
export type TokenSubject =
  /** The factory's system-assigned managed identity (authentication type MSI). */
  | { kind: 'systemAssigned' }
  /** A user-assigned managed identity, named by an ADF credential (authentication type UserAssignedManagedIdentity). */
  | { kind: 'userAssigned'; credentialName: string }
  /** A service principal with a client secret (authentication type ServicePrincipal). */
  | { kind: 'servicePrincipal'; tenantId: string; clientId: string; clientSecret: string };

export interface TokenRequest {
  subject: TokenSubject;
  /** The audience, e.g. https://ml.azure.com (the Web activity's `resource`). */
  resource: string;
  signal?: AbortSignal;
}

export interface KeyVaultSecretRequest {
  /** The Azure Key Vault linked service the secret reference names. */
  linkedServiceName: string;
  secretName: string;
  secretVersion?: string;
  signal?: AbortSignal;
}

export interface IdentityResolver {
  /** An access token (without the `Bearer ` prefix). Throws with a clear message when none can be had. */
  getToken(request: TokenRequest): Promise<string>;
  /** The value of a Key Vault secret. Throws with a clear message when it cannot be read. */
  getKeyVaultSecret(request: KeyVaultSecretRequest): Promise<string>;
}

/** An identity resolver that refuses everything: runs without authentication still work. */
export function noIdentity(reason = 'no identity provider was configured for this run'): IdentityResolver {
  return {
    getToken: async ({ subject }) => {
      throw new Error(`Cannot get a token for ${subject.kind}: ${reason}.`);
    },
    getKeyVaultSecret: async ({ linkedServiceName, secretName }) => {
      throw new Error(
        `Cannot read Key Vault secret '${secretName}' of linked service '${linkedServiceName}': ${reason}.`,
      );
    },
  };
}
