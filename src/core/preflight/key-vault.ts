// The `sp-keyvault` option: an Azure Key Vault linked service in the factory, and a valid secret name.
import { fail, pass, type PreflightCheck } from './types';

export interface LinkedServiceFacts {
  name: string;
  /** Linked service type, e.g. AzureKeyVault. */
  type: string;
}

/** Key Vault secret names: 1-127 characters, letters, digits and dashes. */
const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;

/** The factory's Key Vault linked services (the only ones a secret can come from). */
export function keyVaultLinkedServices(linkedServices: readonly LinkedServiceFacts[]): LinkedServiceFacts[] {
  return linkedServices.filter((ls) => ls.type.toLowerCase() === 'azurekeyvault');
}

/** A message when the name is not a valid Key Vault secret name, else undefined. */
export function secretNameProblem(secretName: string): string | undefined {
  const name = secretName.trim();
  if (!name) return 'Enter the name of the secret that holds the client secret (not the secret itself).';
  if (name !== secretName) return 'The secret name must not start or end with spaces.';
  if (!SECRET_NAME.test(name)) return 'Key Vault secret names are 1-127 letters, digits and dashes.';
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
        'Key Vault linked service',
        `Data Factory ${factoryName} has no Azure Key Vault linked service.`,
        'Create one in ADF Studio (Manage > Linked services > Azure Key Vault), give the factory\'s identity "get" permission on secrets, then refresh. Or use the SecureString parameter option.',
      ),
    );
  } else if (!chosen) {
    checks.push(
      fail(
        'auth.keyVault',
        'Key Vault linked service',
        linkedServiceName.trim()
          ? `Data Factory ${factoryName} has no Key Vault linked service named ${linkedServiceName}.`
          : 'No Key Vault linked service is chosen.',
        `Pick one of: ${vaults.map((v) => v.name).join(', ')}.`,
      ),
    );
  } else {
    checks.push(
      pass(
        'auth.keyVault',
        'Key Vault linked service',
        `The secret is read from ${chosen.name} at run time; it never appears in the pipeline or its runs.`,
      ),
    );
  }
  const problem = secretNameProblem(secretName);
  checks.push(
    problem
      ? fail(
          'auth.secretName',
          'Secret name',
          problem,
          "Enter the name under which the service principal's client secret is stored in the vault.",
        )
      : pass('auth.secretName', 'Secret name', `The pipeline reads secret "${secretName}" from the vault.`),
  );
  return checks;
}
