// Grants the identity Data Factory uses "AzureML Data Scientist" on the workspace, once: it first checks the
// assignments (a sufficient one means nothing to do), and a 409 RoleAssignmentExists counts as granted.
import { randomUUID } from 'node:crypto';
import {
  ROLE,
  evaluateWorkspaceAccess,
  roleDefinitionResourceId,
  sdkScope,
  type RoleAssignmentFacts,
  type WorkspaceAccess,
} from '../preflight';

export interface RoleAssignmentCreate {
  roleDefinitionId: string;
  principalId: string;
  principalType: 'ServicePrincipal';
}

/** Role assignments of one subscription (SDK-backed in src/azure/sdk/wizard-azure.ts). Scopes are given without a leading '/'. */
export interface RoleAssignmentStore {
  listForPrincipal(scope: string, principalId: string, signal?: AbortSignal): Promise<RoleAssignmentFacts[]>;
  create(
    scope: string,
    assignmentName: string,
    parameters: RoleAssignmentCreate,
    signal?: AbortSignal,
  ): Promise<RoleAssignmentFacts>;
}

export interface GrantRequest {
  workspaceId: string;
  principalId: string;
  /** The user's Cancel. */
  signal?: AbortSignal;
}

export type GrantOutcome =
  | { kind: 'created'; assignmentName: string; scope: string; roleName: string }
  | { kind: 'alreadyGranted'; roleName: string };

/** The identity's access to the workspace as the role assignments say now. */
export async function readWorkspaceAccess(
  store: RoleAssignmentStore,
  request: GrantRequest,
): Promise<{ access: WorkspaceAccess; assignments: RoleAssignmentFacts[] }> {
  const assignments = await store.listForPrincipal(sdkScope(request.workspaceId), request.principalId, request.signal);
  return { access: evaluateWorkspaceAccess(assignments, request.workspaceId), assignments };
}

export async function grantDataScientistRole(
  store: RoleAssignmentStore,
  request: GrantRequest,
  newName: () => string = randomUUID,
): Promise<GrantOutcome> {
  const { access } = await readWorkspaceAccess(store, request);
  if (access.kind === 'granted') return { kind: 'alreadyGranted', roleName: access.roleName };
  const scope = sdkScope(request.workspaceId);
  const assignmentName = newName();
  try {
    await store.create(
      scope,
      assignmentName,
      {
        roleDefinitionId: roleDefinitionResourceId(request.workspaceId, ROLE.dataScientist.id),
        principalId: request.principalId,
        // Said explicitly: a new identity may not have replicated yet, and ARM then needs the type to accept it.
        principalType: 'ServicePrincipal',
      },
      request.signal,
    );
  } catch (error) {
    const e = error as { statusCode?: unknown; code?: unknown };
    if (e?.statusCode === 409 && (e.code === undefined || e.code === 'RoleAssignmentExists'))
      return { kind: 'alreadyGranted', roleName: ROLE.dataScientist.name };
    throw error;
  }
  return { kind: 'created', assignmentName, scope, roleName: ROLE.dataScientist.name };
}
