// Which role assignments let an identity run batch endpoint jobs in a workspace, and the one we offer to grant.

export const ROLE = Object.freeze({
  dataScientist: { id: 'f6c7c914-8db3-469d-8ca1-694a8f32e121', name: 'AzureML Data Scientist' },
  contributor: { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor' },
  owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', name: 'Owner' },
});

/** The roles that are enough, best (least privilege) first. */
const SUFFICIENT = [ROLE.dataScientist, ROLE.contributor, ROLE.owner];

export interface RoleAssignmentFacts {
  /** `/subscriptions/<s>/providers/Microsoft.Authorization/roleDefinitions/<guid>` (or just the GUID). */
  roleDefinitionId: string;
  /** The scope the assignment was made at. */
  scope: string;
  principalId?: string;
}

export type WorkspaceAccess =
  | {
      kind: 'granted';
      roleName: string;
      scope: string;
      /** How many sufficient assignments cover the workspace. */ count: number;
    }
  | {
      kind: 'missing';
      /** Roles the identity has on the workspace that are not enough (e.g. Reader). */ otherRoleIds: string[];
    };

/**
 * Whether the assignments (as listForScope on the workspace returns them: at, above and below the scope)
 * give the identity a sufficient role on the workspace. Assignments below the workspace do not count.
 */
export function evaluateWorkspaceAccess(
  assignments: readonly RoleAssignmentFacts[],
  workspaceId: string,
): WorkspaceAccess {
  const covering = assignments.filter((a) => scopeCovers(a.scope, workspaceId));
  const sufficient = covering
    .map((a) => ({ assignment: a, role: SUFFICIENT.find((r) => r.id === roleGuid(a.roleDefinitionId)) }))
    .filter((x): x is { assignment: RoleAssignmentFacts; role: (typeof SUFFICIENT)[number] } => x.role !== undefined)
    .sort((a, b) => SUFFICIENT.indexOf(a.role) - SUFFICIENT.indexOf(b.role));
  if (sufficient.length > 0) {
    return {
      kind: 'granted',
      roleName: sufficient[0].role.name,
      scope: sufficient[0].assignment.scope,
      count: sufficient.length,
    };
  }
  return { kind: 'missing', otherRoleIds: [...new Set(covering.map((a) => roleGuid(a.roleDefinitionId)))] };
}

/** The last segment of a role definition id, lower case. */
export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? '').toLowerCase();
}

/** True when an assignment at `ancestor` applies at `scope` (same scope or above it), case-insensitively. */
export function scopeCovers(ancestor: string, scope: string): boolean {
  const a = normalizeScope(ancestor);
  const s = normalizeScope(scope);
  return a === '' || s === a || s.startsWith(`${a}/`);
}

/** `/subscriptions/x/...` without trailing slashes, lower case; '' for the root scope. */
export function normalizeScope(scope: string): string {
  const trimmed = scope.trim().replace(/\/+$/, '').toLowerCase();
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The scope argument for @azure/arm-authorization: no leading slash (the SDK puts one in its URL template, and
 * two make ARM answer 400 MissingSubscription).
 */
export function sdkScope(resourceId: string): string {
  return resourceId.trim().replace(/^\/+/, '').replace(/\/+$/, '');
}

/** `/subscriptions/<s>/providers/Microsoft.Authorization/roleDefinitions/<guid>` for a workspace's subscription. */
export function roleDefinitionResourceId(workspaceId: string, roleId: string): string {
  const subscription = /^\/?subscriptions\/([^/]+)/i.exec(workspaceId.trim())?.[1];
  if (!subscription) throw new Error(`Not a resource id in a subscription: ${workspaceId}`);
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

/** The equivalent Azure CLI command, for people without permission to assign roles to hand to an owner. */
export function roleGrantCliCommand(principalId: string, workspaceId: string): string {
  return `az role assignment create --assignee-object-id ${principalId} --assignee-principal-type ServicePrincipal --role "${ROLE.dataScientist.name}" --scope ${normalizeScopeForDisplay(workspaceId)}`;
}

function normalizeScopeForDisplay(scope: string): string {
  const trimmed = scope.trim().replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
