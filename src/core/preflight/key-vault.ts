// The `sp-keyvault` option: an Azure Key Vault linked service in the factory, and a valid secret name.
import * as l10n from '@vscode/l10n';
import type { CloudDefinition } from '../clouds';
import { fail, pass, type PreflightCheck } from './types';

export interface LinkedServiceFacts {
  name: string;
  /** Linked service type, e.g. AzureKeyVault. */
  type: string;
}

/** Key Vault secret names: 1-127 characters, letters, digits and dashes. */
const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;

/** Key Vault names: 3-24 letters, digits and dashes, starting with a letter, not ending with a dash. */
const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;

/** Where each cloud's vaults live (https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#dns-suffixes-for-object-identifiers). */
const VAULT_DNS_SUFFIX: Readonly<Record<CloudDefinition['name'], string>> = {
  AzureCloud: 'vault.azure.net',
  AzureChinaCloud: 'vault.azure.cn',
  AzureUSGovernment: 'vault.usgovcloudapi.net',
  // A custom cloud gives no Key Vault suffix: the public one is assumed; its users can type the vault's URL.
  Custom: 'vault.azure.net',
};

/** The base URL of a vault given by name (in the cloud's Key Vault domain) or by its https URL; else undefined. */
export function keyVaultBaseUrl(vault: string, cloud: CloudDefinition['name']): string | undefined {
  const text = vault.trim();
  if (VAULT_NAME.test(text)) return `https://${text.toLowerCase()}.${VAULT_DNS_SUFFIX[cloud]}/`;
  if (!/^https:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    if (url.search || url.hash || url.username || url.password || !url.hostname.includes('.')) return undefined;
    return `https://${url.host.toLowerCase()}/`;
  } catch {
    return undefined;
  }
}

/** A message when the text is neither a vault name nor a vault URL, else undefined. */
export function keyVaultInputProblem(vault: string, cloud: CloudDefinition['name']): string | undefined {
  return keyVaultBaseUrl(vault, cloud)
    ? undefined
    : l10n.t(
        'Enter the name of the vault (3-24 letters, digits and dashes) or its URL (https://<name>.vault.azure.net/).',
      );
}

/** The vault's name from its base URL or ARM resource id (its first host label or its last segment). */
export function keyVaultName(baseUrlOrResourceId: string): string {
  const text = baseUrlOrResourceId.trim();
  if (/^https:\/\//i.test(text)) return new URL(text).hostname.split('.')[0];
  return text.split('/').filter(Boolean).at(-1) ?? '';
}

/** The Azure Key Vault linked service ADF Studio creates for a vault (it authenticates as the factory's identity). */
export function keyVaultLinkedService(
  baseUrl: string,
  existingNames: readonly string[],
): { name: string; properties: { type: 'AzureKeyVault'; typeProperties: { baseUrl: string } } } {
  const base = `AzureKeyVault_${keyVaultName(baseUrl).replace(/[^A-Za-z0-9_]/g, '_')}`;
  const taken = new Set(existingNames.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return { name, properties: { type: 'AzureKeyVault', typeProperties: { baseUrl } } };
}

/** The factory's Key Vault linked services (the only ones a secret can come from). */
export function keyVaultLinkedServices(linkedServices: readonly LinkedServiceFacts[]): LinkedServiceFacts[] {
  return linkedServices.filter((ls) => ls.type.toLowerCase() === 'azurekeyvault');
}

/** A message when the name is not a valid Key Vault secret name, else undefined. */
export function secretNameProblem(secretName: string): string | undefined {
  const name = secretName.trim();
  if (!name) return l10n.t('Enter the name of the secret that holds the client secret (not the secret itself).');
  if (name !== secretName) return l10n.t('The secret name must not start or end with spaces.');
  if (!SECRET_NAME.test(name)) return l10n.t('Key Vault secret names are 1-127 letters, digits and dashes.');
  return undefined;
}

export function checkKeyVaultSecret(
  linkedServiceName: string,
  secretName: string,
  linkedServices: readonly LinkedServiceFacts[],
  factoryName: string,
): PreflightCheck[] {
  const vaults = keyVaultLinkedServices(linkedServices);
  const checks: PreflightCheck[] = [];
  const chosen = vaults.find((ls) => ls.name.toLowerCase() === linkedServiceName.trim().toLowerCase());
  if (vaults.length === 0) {
    checks.push(
      fail(
        'auth.keyVault',
        l10n.t('Key Vault linked service'),
        l10n.t('Data Factory {0} has no Azure Key Vault linked service.', factoryName),
        l10n.t(
          'Use "Create linked service..." above (or ADF Studio: Manage > Linked services > Azure Key Vault), give the factory\'s identity "get" permission on secrets, then check again. Or use the SecureString parameter option.',
        ),
      ),
    );
  } else if (!chosen) {
    checks.push(
      fail(
        'auth.keyVault',
        l10n.t('Key Vault linked service'),
        linkedServiceName.trim()
          ? l10n.t('Data Factory {0} has no Key Vault linked service named {1}.', factoryName, linkedServiceName)
          : l10n.t('No Key Vault linked service is chosen.'),
        l10n.t('Pick one of: {0}.', vaults.map((v) => v.name).join(', ')),
      ),
    );
  } else {
    checks.push(
      pass(
        'auth.keyVault',
        l10n.t('Key Vault linked service'),
        l10n.t('The secret is read from {0} at run time; it never appears in the pipeline or its runs.', chosen.name),
      ),
    );
  }
  const problem = secretNameProblem(secretName);
  checks.push(
    problem
      ? fail(
          'auth.secretName',
          l10n.t('Secret name'),
          problem,
          l10n.t("Enter the name under which the service principal's client secret is stored in the vault."),
        )
      : pass(
          'auth.secretName',
          l10n.t('Secret name'),
          l10n.t('The pipeline reads secret "{0}" from the vault.', secretName),
        ),
  );
  return checks;
}
