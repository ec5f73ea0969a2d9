import * as assert from 'node:assert/strict';
import { ROLE, type RoleAssignmentFacts } from '../../../src/core/preflight';
import {
  grantDataScientistRole,
  readWorkspaceAccess,
  type RoleAssignmentCreate,
  type RoleAssignmentStore,
} from '../../../src/core/publish';

const WS = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

function store(
  existing: RoleAssignmentFacts[],
  fail?: { statusCode: number; code?: string },
): RoleAssignmentStore & {
  created: Array<{ scope: string; name: string; parameters: RoleAssignmentCreate }>;
  listed: string[];
} {
  const s = {
    created: [] as Array<{ scope: string; name: string; parameters: RoleAssignmentCreate }>,
    listed: [] as string[],
    async listForPrincipal(scope: string): Promise<RoleAssignmentFacts[]> {
      s.listed.push(scope);
      return existing;
    },
    async create(scope: string, name: string, parameters: RoleAssignmentCreate): Promise<RoleAssignmentFacts> {
      if (fail) throw Object.assign(new Error('refused'), fail);
      s.created.push({ scope, name, parameters });
      existing.push({ roleDefinitionId: parameters.roleDefinitionId, scope: `/${scope}` });
      return existing.at(-1)!;
    },
  };
  return s;
}

describe('publish: role grant', () => {
  it('creates AzureML Data Scientist on the workspace with a new GUID, the scope without a leading slash and principalType ServicePrincipal', async () => {
    const s = store([]);
    const outcome = await grantDataScientistRole(s, { workspaceId: WS, principalId: 'p1' }, () => 'guid-1');
    assert.deepEqual(outcome, {
      kind: 'created',
      assignmentName: 'guid-1',
      scope: WS.slice(1),
      roleName: 'AzureML Data Scientist',
    });
    assert.deepEqual(s.created, [
      {
        scope: WS.slice(1),
        name: 'guid-1',
        parameters: {
          roleDefinitionId: `/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/${ROLE.dataScientist.id}`,
          principalId: 'p1',
          principalType: 'ServicePrincipal',
        },
      },
    ]);
    assert.deepEqual(s.listed, [WS.slice(1)]);
  });

  it('grants once, not twice: a second call finds the assignment and creates nothing', async () => {
    const s = store([]);
    await grantDataScientistRole(s, { workspaceId: WS, principalId: 'p1' });
    const second = await grantDataScientistRole(s, { workspaceId: WS, principalId: 'p1' });
    assert.deepEqual(second, { kind: 'alreadyGranted', roleName: 'AzureML Data Scientist' });
    assert.equal(s.created.length, 1);
  });

  it('does nothing when Contributor or Owner already covers the workspace', async () => {
    const s = store([{ roleDefinitionId: ROLE.owner.id, scope: '/subscriptions/s1' }]);
    assert.deepEqual(await grantDataScientistRole(s, { workspaceId: WS, principalId: 'p1' }), {
      kind: 'alreadyGranted',
      roleName: 'Owner',
    });
    assert.equal(s.created.length, 0);
    assert.equal((await readWorkspaceAccess(s, { workspaceId: WS, principalId: 'p1' })).access.kind, 'granted');
  });

  it('takes 409 RoleAssignmentExists as granted and rethrows 403', async () => {
    assert.equal(
      (
        await grantDataScientistRole(store([], { statusCode: 409, code: 'RoleAssignmentExists' }), {
          workspaceId: WS,
          principalId: 'p1',
        })
      ).kind,
      'alreadyGranted',
    );
    await assert.rejects(
      grantDataScientistRole(store([], { statusCode: 403, code: 'AuthorizationFailed' }), {
        workspaceId: WS,
        principalId: 'p1',
      }),
      /refused/,
    );
  });
});
