// Inside the extension host, against the emulator: for a factory without a system-assigned identity, the wizard
// offers "Enable managed identity", asks once, updates the factory through the Data Factory SDK (one PATCH), and
// its Authentication checks turn green once the new identity also gets its role.
import * as assert from 'node:assert/strict';
import { WORKSPACE_ID, factoryPath, openWizardFixture, send, toAuth, type WizardFixture } from './wizard-fixture';

describe('Create ADF Pipeline wizard: Enable managed identity (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: WizardFixture;

  before(async () => {
    f = await openWizardFixture();
  });
  afterEach(() => {
    f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)?.close();
  });
  after(async () => {
    await f?.restore();
  });

  it('enables the identity of adf-noid after one confirmation, then the checks turn green', async () => {
    await f.reseed();
    const confirmations: string[] = [];
    f.api.wizard.usePrompts({
      confirm: async (request) => {
        confirmations.push(`${request.message}\n${request.detail}`);
        return true;
      },
    });
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-noid', { authKind: 'mi' });
    const before = handle.state();
    assert.equal(before.checks.auth.find((c) => c.id === 'auth.factoryIdentity')?.status, 'fail');
    assert.deepEqual(before.auth.factoryIdentity, { status: 'offer', factoryName: 'adf-noid' });

    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'enableIdentity');
    await send(handle, 'enableIdentity'); // no longer offered: nothing happens
    const updates = (await f.control.requests(since)).filter((r) => r.routeId === 'adf.factories.update');
    assert.equal(updates.length, 1, 'one PATCH of the factory');
    assert.equal(updates[0].method, 'PATCH');
    assert.equal(updates[0].status, 200);
    assert.equal(confirmations.length, 1, 'asked once');
    assert.match(confirmations[0], /adf-noid/);

    const stored = await f.armGet(factoryPath('adf-noid'));
    const principalId = (stored.body.identity as { principalId?: string } | undefined)?.principalId;
    assert.ok(principalId, 'the emulator gave the factory an identity');
    const afterEnable = handle.state();
    assert.equal(afterEnable.auth.factoryIdentity.status, 'notNeeded');
    assert.equal(afterEnable.checks.auth.find((c) => c.id === 'auth.factoryIdentity')?.status, 'pass');
    assert.equal(afterEnable.auth.roleGrant.status, 'offer', 'the new identity has no role on the workspace yet');
    assert.equal(afterEnable.auth.roleGrant.principalId, principalId);

    await send(handle, 'grantRole');
    const green = handle.state().checks.auth;
    assert.ok(
      green.every((c) => c.status === 'pass' || c.status === 'info'),
      JSON.stringify(green.map((c) => [c.id, c.status])),
    );
  });

  it('changes nothing when the confirmation is declined', async () => {
    await f.reseed();
    f.api.wizard.usePrompts({ confirm: async () => false });
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-noid', { authKind: 'mi' });
    assert.equal(handle.state().auth.factoryIdentity.status, 'offer');
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'enableIdentity');
    assert.equal((await f.control.requests(since)).filter((r) => r.routeId === 'adf.factories.update').length, 0);
    assert.equal(handle.state().auth.factoryIdentity.status, 'offer');
    assert.equal(handle.state().notice, 'The factory was not changed.');
  });
});
