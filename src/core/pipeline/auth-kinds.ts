// The one table of authentication kinds: the generator's options, the wizard form and its labels (through the
// wizard protocol) and the CLI flags all read it, so adding a kind starts here. Labels are getters: each read looks
// the text up in the display language's bundle (configured before the table is read).
import * as l10n from '@vscode/l10n';

export type AuthKind = 'mi' | 'uami' | 'sp-keyvault' | 'sp-secret';

/** A value an authentication kind takes besides its kind, by its name in `AuthOptions`. */
export type AuthField = 'credentialName' | 'keyVaultLinkedService' | 'secretName' | 'tenantId' | 'clientId';

export interface AuthFieldDescriptor {
  field: AuthField;
  /** The CLI flag, without `--`. */
  flag: string;
  /** What the value is, for help texts. */
  description: string;
}

export interface AuthKindDescriptor {
  kind: AuthKind;
  /** The wizard's choice label. */
  label: string;
  /** One sentence under the wizard's choice. */
  explanation: string;
  /** A few words for the CLI's `--auth` help. */
  summary: string;
  /** Values the kind needs; the generator rejects options without them. */
  required: readonly AuthField[];
  /** Values the kind takes when given (defaults of run parameters). */
  optional: readonly AuthField[];
}

export const AUTH_FIELDS: Readonly<Record<AuthField, AuthFieldDescriptor>> = {
  credentialName: {
    field: 'credentialName',
    flag: 'credential',
    description: 'ADF credential of the user-assigned identity',
  },
  keyVaultLinkedService: {
    field: 'keyVaultLinkedService',
    flag: 'key-vault-linked-service',
    description: 'Key Vault linked service holding the secret',
  },
  secretName: { field: 'secretName', flag: 'secret-name', description: 'name of the secret in Key Vault' },
  tenantId: { field: 'tenantId', flag: 'tenant-id', description: 'default tenant of the service principal' },
  clientId: { field: 'clientId', flag: 'client-id', description: 'default client id of the service principal' },
};

export const AUTH_KIND_TABLE: readonly AuthKindDescriptor[] = [
  {
    kind: 'mi',
    get label(): string {
      return l10n.t("The factory's managed identity (recommended)");
    },
    get explanation(): string {
      return l10n.t('Data Factory gets the token with its own system-assigned identity: no secret anywhere.');
    },
    summary: "factory's managed identity",
    required: [],
    optional: [],
  },
  {
    kind: 'uami',
    get label(): string {
      return l10n.t('A user-assigned managed identity');
    },
    get explanation(): string {
      return l10n.t('Data Factory uses the identity of an ADF credential, which several factories can share.');
    },
    summary: 'user-assigned, ADF credential',
    required: ['credentialName'],
    optional: [],
  },
  {
    kind: 'sp-keyvault',
    get label(): string {
      return l10n.t('A service principal, secret in Azure Key Vault');
    },
    get explanation(): string {
      return l10n.t(
        'The Web activities authenticate as the service principal; ADF reads its secret from Key Vault at run time.',
      );
    },
    summary: 'service principal, secret in Key Vault',
    required: ['keyVaultLinkedService', 'secretName'],
    optional: ['tenantId', 'clientId'],
  },
  {
    kind: 'sp-secret',
    get label(): string {
      return l10n.t('A service principal, secret as a run parameter');
    },
    get explanation(): string {
      return l10n.t(
        'Like the documented template: an Authorize step gets the token, the secret is a SecureString parameter given at each run.',
      );
    },
    summary: 'service principal with an Authorize step, secret as a SecureString parameter',
    required: [],
    optional: ['tenantId', 'clientId'],
  },
];

export const AUTH_KINDS: readonly AuthKind[] = AUTH_KIND_TABLE.map((d) => d.kind);

/** The descriptor of a kind. */
export function authKindDescriptor(kind: AuthKind): AuthKindDescriptor {
  const descriptor = AUTH_KIND_TABLE.find((d) => d.kind === kind);
  if (!descriptor) throw new Error(`Unknown authentication kind "${String(kind)}".`);
  return descriptor;
}

/** The kinds that take a field (for "--tenant-id applies to --auth sp-keyvault or sp-secret"). */
export function authKindsTaking(field: AuthField): AuthKind[] {
  return AUTH_KIND_TABLE.filter((d) => d.required.includes(field) || d.optional.includes(field)).map((d) => d.kind);
}
