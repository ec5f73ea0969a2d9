import * as assert from 'node:assert/strict';
import {
  ROLE,
  checkWorkspaceRole,
  evaluateWorkspaceAccess,
  normalizeScope,
  roleDefinitionResourceId,
  roleGrantCliCommand,
  scopeCovers,
  sdkScope,
} from '../../../src/core/preflight';

const SUB = '/subscriptions/11111111-aaaa-4000-8000-000000000001';
const WS = `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-main`;
const def = (guid: string): string => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

describe('preflight: role assignments', () => {
  it('counts AzureML Data Scientist, Contributor and Owner at or above the workspace, preferring the least privilege', () => {
    const access = evaluateWorkspaceAccess(
      [
        { roleDefinitionId: def(ROLE.owner.id), scope: SUB },
        { roleDefinitionId: def(ROLE.dataScientist.id), scope: WS },
      ],
      WS,
    );
    assert.deepEqual(access, { kind: 'granted', roleName: 'AzureML Data Scientist', scope: WS, count: 2 });
    const contributor = evaluateWorkspaceAccess(
      [{ roleDefinitionId: ROLE.contributor.id.toUpperCase(), scope: `${SUB}/resourceGroups/RG-ML` }],
      WS,
    );
    assert.equal(contributor.kind, 'granted');
  });

  it('ignores assignments below the workspace and insufficient roles', () => {
    const access = evaluateWorkspaceAccess(
      [
        { roleDefinitionId: def(ROLE.owner.id), scope: `${WS}/datastores/x` },
        { roleDefinitionId: def(READER), scope: SUB },
        { roleDefinitionId: def(ROLE.owner.id), scope: `${SUB}/resourceGroups/rg-ml-other` },
      ],
      WS,
    );
    assert.deepEqual(access, { kind: 'missing', otherRoleIds: [READER] });
  });

  it('builds a failing check that offers the grant, and a passing one', () => {
    const missing = checkWorkspaceRole('The factory identity', 'f1', [], { id: WS, name: 'ws-main' });
    assert.equal(missing.status, 'fail');
    assert.equal(missing.blocking, false, 'publishing stays possible: an owner may grant it later');
    assert.match(missing.message, /403/);
    assert.match(missing.action!, /AzureML Data Scientist/);
    const ok = checkWorkspaceRole(
      'The factory identity',
      'f1',
      [{ roleDefinitionId: def(ROLE.dataScientist.id), scope: WS }],
      { id: WS, name: 'ws-main' },
    );
    assert.equal(ok.status, 'pass');
  });

  it('normalises scopes and gives the SDK its scope without a leading slash', () => {
    assert.equal(sdkScope(`${WS}/`), WS.slice(1));
    assert.equal(sdkScope(WS.slice(1)), WS.slice(1));
    assert.equal(normalizeScope('/'), '');
    assert.equal(scopeCovers('/', WS), true);
    assert.equal(scopeCovers(WS.slice(1), WS.toUpperCase()), true);
    assert.equal(scopeCovers(`${SUB}/resourceGroups/rg`, `${SUB}/resourceGroups/rg-ml`), false);
  });

  it('names the role definition in the workspace subscription and prints the CLI fallback', () => {
    assert.equal(
      roleDefinitionResourceId(WS, ROLE.dataScientist.id),
      `${SUB}/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121`,
    );
    assert.throws(() => roleDefinitionResourceId('not-an-id', ROLE.dataScientist.id), /Not a resource id/);
    assert.equal(
      roleGrantCliCommand('f1', WS.slice(1)),
      `az role assignment create --assignee-object-id f1 --assignee-principal-type ServicePrincipal --role "AzureML Data Scientist" --scope ${WS}`,
    );
  });
});
