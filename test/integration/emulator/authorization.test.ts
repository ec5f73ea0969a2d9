import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { RestError } from '@azure/core-rest-pipeline';
import { all, IDS, useEmulator } from './fixture';

const SUB = `subscriptions/${IDS.devSubscription}`;
const WORKSPACE = `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-main`;
const DATA_SCIENTIST = `/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${IDS.dataScientistRole}`;

describe('emulator: Authorization through @azure/arm-authorization', () => {
  const fx = useEmulator();

  it('gets and lists built-in role definitions, including AzureML Data Scientist', async () => {
    const role = await fx.authorization().roleDefinitions.get(SUB, IDS.dataScientistRole);
    assert.equal(role.roleName, 'AzureML Data Scientist');
    assert.equal(role.roleType, 'BuiltInRole');
    assert.equal(role.id, DATA_SCIENTIST);
    const names = (await all(fx.authorization().roleDefinitions.list(WORKSPACE))).map((r) => r.roleName);
    for (const expected of ['AzureML Data Scientist', 'Contributor', 'Owner', 'Reader'])
      assert.ok(names.includes(expected), `${expected} listed`);
    const filtered = await all(fx.authorization().roleDefinitions.list(SUB, { filter: "roleName eq 'Contributor'" }));
    assert.deepEqual(
      filtered.map((r) => r.name),
      ['b24988ac-6180-42a0-ab88-20f7382dd24c'],
    );
  });

  it('lists role assignments for a scope filtered by principalId, including inherited ones', async () => {
    const forFactory = await all(
      fx.authorization().roleAssignments.listForScope(WORKSPACE, { filter: `principalId eq '${IDS.factoryIdentity}'` }),
    );
    assert.deepEqual(
      forFactory.map((r) => r.roleDefinitionId),
      [DATA_SCIENTIST],
    );
    const forSp = await all(
      fx.authorization().roleAssignments.listForScope(WORKSPACE, { filter: `principalId eq '${IDS.sp.objectId}'` }),
    );
    assert.equal(forSp.length, 1, 'the Owner assignment at the subscription applies to the workspace');
    assert.equal(forSp[0]!.scope, `/${SUB}`);
    const nobody = await all(
      fx.authorization().roleAssignments.listForScope(WORKSPACE, { filter: `principalId eq '${randomUUID()}'` }),
    );
    assert.deepEqual(nobody, []);
  });

  it('creates a role assignment (201), gets it, refuses a duplicate with 409 RoleAssignmentExists, deletes it', async () => {
    const parameters = { roleDefinitionId: DATA_SCIENTIST, principalId: IDS.user, principalType: 'User' as const };
    const created = await fx.authorization().roleAssignments.create(WORKSPACE, randomUUID(), parameters);
    assert.equal(created.principalId, IDS.user);
    assert.equal(created.scope, `/${WORKSPACE}`);
    const got = await fx.authorization().roleAssignments.get(WORKSPACE, created.name!);
    assert.equal(got.id, created.id);
    const filtered = await all(
      fx.authorization().roleAssignments.listForScope(WORKSPACE, { filter: `principalId eq '${IDS.user}'` }),
    );
    assert.equal(filtered.length, 2, 'the new one plus the inherited Contributor at the resource group');
    const duplicate = await fx
      .authorization()
      .roleAssignments.create(WORKSPACE, randomUUID(), parameters)
      .catch((e: unknown) => e);
    assert.ok(duplicate instanceof RestError);
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.code, 'RoleAssignmentExists');
    await fx.authorization().roleAssignments.delete(WORKSPACE, created.name!);
    const gone = await fx
      .authorization()
      .roleAssignments.get(WORKSPACE, created.name!)
      .catch((e: unknown) => e);
    assert.equal((gone as RestError).statusCode, 404);
  });

  it('answers 403 AuthorizationFailed when the caller may not assign roles', async () => {
    const reader = fx.credentialFor(IDS.reader);
    const error = await fx
      .authorization(IDS.devSubscription, reader)
      .roleAssignments.create(WORKSPACE, randomUUID(), {
        roleDefinitionId: DATA_SCIENTIST,
        principalId: IDS.factoryIdentity,
        principalType: 'ServicePrincipal',
      })
      .catch((e: unknown) => e);
    assert.ok(error instanceof RestError);
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'AuthorizationFailed');
    assert.match(error.message, /Microsoft\.Authorization\/roleAssignments\/write/);
  });

  it('answers 400 PrincipalNotFound for a principal unknown to the directory', async () => {
    const error = await fx
      .authorization()
      .roleAssignments.create(WORKSPACE, randomUUID(), { roleDefinitionId: DATA_SCIENTIST, principalId: randomUUID() })
      .catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 400);
    assert.equal((error as RestError).code, 'PrincipalNotFound');
  });

  it('answers a scope passed with a leading slash (double slash in the URL) like ARM', async () => {
    const error = await all(fx.authorization().roleAssignments.listForScope(`/${WORKSPACE}`)).catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 400);
    assert.equal((error as RestError).code, 'MissingSubscription');
  });
});
