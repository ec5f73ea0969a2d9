// The Authentication step: the identity Data Factory uses must exist and have a sufficient role on the workspace.
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
  const title = 'Factory managed identity';
  if (!factory.identityPrincipalId) {
    return fail(
      id,
      title,
      `Data Factory ${factory.name} has no system-assigned managed identity.`,
      // An existing factory gets one by an update with identity.type SystemAssigned:
      // https://learn.microsoft.com/azure/data-factory/data-factory-service-identity#generate-managed-identity
      'Enable its managed identity (the wizard can do it once you confirm: an update of the factory, which keeps its pipelines), or choose a user-assigned managed identity (an ADF credential) or a service principal instead.',
    );
  }
  return pass(
    id,
    title,
    `Data Factory ${factory.name} has a system-assigned managed identity (principal ${factory.identityPrincipalId}).`,
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
  const title = 'Access to the workspace';
  const access = evaluateWorkspaceAccess(assignments, workspace.id);
  if (access.kind === 'granted') {
    const more = access.count > 1 ? ` (${access.count} sufficient assignments)` : '';
    return pass(id, title, `${who} has ${access.roleName} on workspace ${workspace.name}${more}.`);
  }
  // Not blocking: someone without the right to assign roles can still publish and ask an owner to grant it.
  return {
    ...fail(
      id,
      title,
      `${who} (principal ${principalId}) has no ${ROLE.dataScientist.name}, Contributor or Owner role on workspace ${workspace.name}: runs fail (403) until it has one.`,
      `Grant it "${ROLE.dataScientist.name}" on the workspace (the wizard can do it once you confirm), or ask an owner of the workspace to.`,
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
  const title = 'ADF credential (user-assigned managed identity)';
  if (!credentialName.trim()) {
    return fail(
      id,
      title,
      'No ADF credential is chosen.',
      credentials.length > 0
        ? "Pick one of the factory's credentials."
        : `Data Factory ${factoryName} has no credentials: create one for the user-assigned identity in ADF Studio (Manage > Credentials), then refresh.`,
    );
  }
  const credential = credentials.find((c) => c.name.toLowerCase() === credentialName.trim().toLowerCase());
  if (!credential) {
    return fail(
      id,
      title,
      `Data Factory ${factoryName} has no credential named ${credentialName}.`,
      `Pick one of: ${credentials.map((c) => c.name).join(', ') || '(none: create one in ADF Studio, Manage > Credentials)'}.`,
    );
  }
  if (!credential.resourceId) {
    return fail(
      id,
      title,
      `Credential ${credential.name} names no user-assigned managed identity.`,
      'Edit the credential in ADF Studio and choose the identity.',
    );
  }
  if (!credential.principalId) {
    return warn(
      id,
      title,
      `Credential ${credential.name} uses ${credential.resourceId}, whose principal id could not be read, so its role on the workspace cannot be checked.`,
      'Check in the portal that this identity has AzureML Data Scientist on the workspace.',
    );
  }
  return pass(
    id,
    title,
    `Credential ${credential.name} uses identity ${lastSegment(credential.resourceId)} (principal ${credential.principalId}).`,
  );
}

/** The two service principal options get their secret at run time; nothing to check on Azure except the vault link. */
export function explainSecureStringParameter(): PreflightCheck {
  return info(
    'auth.secureString',
    'Client secret as a SecureString parameter',
    'The pipeline declares client_secret as a SecureString parameter without a default: give it at each run (or pass it down from a calling pipeline). ADF masks SecureString values in run history, and the token step hides its input and output.',
    'Prefer Key Vault when you can: the secret then never passes through pipeline parameters.',
  );
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
