// The Authentication step: the identity Data Factory uses must exist and have a sufficient role on the workspace.
import * as l10n from '@vscode/l10n';
import { ROLE, evaluateWorkspaceAccess, type RoleAssignmentFacts } from './roles';
import { fail, info, pass, warn, type PreflightCheck } from './types';

export interface FactoryIdentityFacts {
  name: string;
  /** Principal id of the system-assigned managed identity, when the factory has one. */
  identityPrincipalId?: string;
}

/** The factory's system-assigned identity (needed by the `mi` option). */
export function checkFactoryIdentity(factory: FactoryIdentityFacts): PreflightCheck {
  const id = 'auth.factoryIdentity';
  const title = l10n.t('Factory managed identity');
  if (!factory.identityPrincipalId) {
    return fail(
      id,
      title,
      l10n.t('Data Factory {0} has no system-assigned managed identity.', factory.name),
      // An existing factory gets one by an update with identity.type SystemAssigned:
      // https://learn.microsoft.com/azure/data-factory/data-factory-service-identity#generate-managed-identity
      l10n.t(
        'Enable its managed identity (the wizard can do it once you confirm: an update of the factory, which keeps its pipelines), or choose a user-assigned managed identity (an ADF credential) or a service principal instead.',
      ),
    );
  }
  return pass(
    id,
    title,
    l10n.t(
      'Data Factory {0} has a system-assigned managed identity (principal {1}).',
      factory.name,
      factory.identityPrincipalId,
    ),
  );
}

/** The identity's role on the workspace; when missing, the wizard offers to grant AzureML Data Scientist. */
export function checkWorkspaceRole(
  who: string,
  principalId: string,
  assignments: readonly RoleAssignmentFacts[],
  workspace: { id: string; name: string },
): PreflightCheck {
  const id = 'auth.workspaceRole';
  const title = l10n.t('Access to the workspace');
  const access = evaluateWorkspaceAccess(assignments, workspace.id);
  if (access.kind === 'granted') {
    const message =
      access.count > 1
        ? l10n.t(
            '{0} has {1} on workspace {2} ({3} sufficient assignments).',
            who,
            access.roleName,
            workspace.name,
            access.count,
          )
        : l10n.t('{0} has {1} on workspace {2}.', who, access.roleName, workspace.name);
    return pass(id, title, message);
  }
  // Not blocking: someone without the right to assign roles can still publish and ask an owner to grant it.
  return {
    ...fail(
      id,
      title,
      l10n.t(
        '{0} (principal {1}) has no {2}, Contributor or Owner role on workspace {3}: runs fail (403) until it has one.',
        who,
        principalId,
        ROLE.dataScientist.name,
        workspace.name,
      ),
      l10n.t(
        'Grant it "{0}" on the workspace (the wizard can do it once you confirm), or ask an owner of the workspace to.',
        ROLE.dataScientist.name,
      ),
    ),
    blocking: false,
  };
}

export interface CredentialFacts {
  name: string;
  /** ARM id of the user-assigned identity behind the ADF credential. */
  resourceId?: string;
  /** Its principal id, when it could be read. */
  principalId?: string;
}

/** The `uami` option: the ADF credential must exist in the factory and name a user-assigned identity. */
export function checkUserAssignedCredential(
  credentialName: string,
  credentials: readonly CredentialFacts[],
  factoryName: string,
): PreflightCheck {
  const id = 'auth.credential';
  const title = l10n.t('ADF credential (user-assigned managed identity)');
  if (!credentialName.trim()) {
    return fail(
      id,
      title,
      l10n.t('No ADF credential is chosen.'),
      credentials.length > 0
        ? l10n.t("Pick one of the factory's credentials.")
        : l10n.t(
            'Data Factory {0} has no credentials: create one for the user-assigned identity in ADF Studio (Manage > Credentials), then refresh.',
            factoryName,
          ),
    );
  }
  const credential = credentials.find((c) => c.name.toLowerCase() === credentialName.trim().toLowerCase());
  if (!credential) {
    return fail(
      id,
      title,
      l10n.t('Data Factory {0} has no credential named {1}.', factoryName, credentialName),
      l10n.t(
        'Pick one of: {0}.',
        credentials.map((c) => c.name).join(', ') || l10n.t('(none: create one in ADF Studio, Manage > Credentials)'),
      ),
    );
  }
  if (!credential.resourceId) {
    return fail(
      id,
      title,
      l10n.t('Credential {0} names no user-assigned managed identity.', credential.name),
      l10n.t('Edit the credential in ADF Studio and choose the identity.'),
    );
  }
  if (!credential.principalId) {
    return warn(
      id,
      title,
      l10n.t(
        'Credential {0} uses {1}, whose principal id could not be read, so its role on the workspace cannot be checked.',
        credential.name,
        credential.resourceId,
      ),
      l10n.t('Check in the portal that this identity has AzureML Data Scientist on the workspace.'),
    );
  }
  return pass(
    id,
    title,
    l10n.t(
      'Credential {0} uses identity {1} (principal {2}).',
      credential.name,
      lastSegment(credential.resourceId),
      credential.principalId,
    ),
  );
}

/** The two service principal options get their secret at run time; nothing to check on Azure except the vault link. */
export function explainSecureStringParameter(): PreflightCheck {
  return info(
    'auth.secureString',
    l10n.t('Client secret as a SecureString parameter'),
    l10n.t(
      'The pipeline declares client_secret as a SecureString parameter without a default: give it at each run (or pass it down from a calling pipeline). ADF masks SecureString values in run history, and the token step hides its input and output.',
    ),
    l10n.t('Prefer Key Vault when you can: the secret then never passes through pipeline parameters.'),
  );
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
