// The wizard's background reads against the emulator's `hang` fault (a request never answered): a hung list ends
// with "Azure did not answer in N s" and Retry; closing the panel, going Back from Review or reloading a list aborts
// the read in flight down to its HTTP request (the emulator sees the client close it), with no error shown.
import * as assert from 'node:assert/strict';
import { ClientSecretCredential } from '@azure/identity';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { requestPolicyOptions } from '../../../src/azure/sdk/policies';
import { createWizardAzure, type WizardAzure } from '../../../src/azure/sdk/wizard-azure';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from '../../../tools/emulator/trust';
import { drive, endpointOf, toAuth, type Driven } from './controller-helpers';
import { W, usePublishEmulator, type PublishFixture } from './fixture';

/** Owner stores whose every request attempt is cut after `timeoutMs` (then retried by the SDK, as in the product). */
function azureWithTimeout(fx: PublishFixture, timeoutMs: number): WizardAzure {
  const clientOptions = requestPolicyOptions(
    { timeoutMs: () => timeoutMs },
    { additionalPolicies: [{ policy: trustEmulatorCaPolicy(fx.emulator.caCertPem), position: 'perCall' }] },
  );
  const credential = new ClientSecretCredential(
    W.tenant,
    W.owner.clientId,
    W.owner.secret,
    emulatorCredentialOptions(fx.emulator),
  );
  const pool = new AzureClientPool({ cloud: fx.cloud, credentialForTenant: () => credential, clientOptions });
  return createWizardAzure(pool, W.tenant, W.subscription);
}

/** Polls until `ready` holds (generous: the machine may be loaded). */
async function until(what: string, ready: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('integration: the wizard aborts or times out its background reads (emulator hang fault)', function () {
  this.timeout(90_000);
  const fx = usePublishEmulator();

  /** Starts the wizard with its first reads (deployments, factories, datastores) answered. */
  async function startedWizard(azure: WizardAzure): Promise<Driven> {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), azure);
    d.controller.start();
    await d.controller.whenIdle();
    return d;
  }

  it('a hung factory list ends with "Azure did not answer" and Retry; Retry lists the factories', async () => {
    const azure = azureWithTimeout(fx, 300);
    const hang = await fx.control.addFault({ kind: 'hang', route: 'adf.factories.list', count: 100 });
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), azure);
    const started = Date.now();
    d.controller.start();
    await d.controller.whenIdle();
    const elapsed = Date.now() - started;
    let view = d.controller.view();
    assert.equal(view.error?.step, 'target', JSON.stringify(view.error));
    assert.match(view.error?.message ?? '', /^Azure did not answer in 0.3 s/);
    assert.match(view.error?.action ?? '', /requestTimeoutSeconds/);
    assert.equal(view.error?.canRetry, true);
    assert.equal(view.target.factories, undefined);
    // Four attempts of 0.3 s plus the SDK's back-off (about 7 s), not the 2 minutes of a default client.
    assert.equal((await fx.control.fault(hang.id)).hits, 4, 'each attempt timed out and was retried by the SDK');
    assert.ok(elapsed < 20_000, `ended after ${elapsed} ms`);
    assert.equal((await fx.control.fault(hang.id)).held, 0, 'no request left open');

    await fx.control.clearFaults();
    await d.send('retry');
    view = d.controller.view();
    assert.equal(view.error, undefined, JSON.stringify(view.error));
    assert.ok(
      (view.target.factories ?? []).some((f) => f.name === 'adf-mi'),
      JSON.stringify(view.target),
    );
  });

  it('closing the panel aborts every read in flight (no error, no request left open)', async () => {
    const azure = azureWithTimeout(fx, 600_000);
    const routes = ['ml.batchDeployments.list', 'adf.factories.list', 'ml.datastores.list'];
    const hangs = await Promise.all(routes.map((route) => fx.control.addFault({ kind: 'hang', route, count: 100 })));
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), azure);
    d.controller.start();
    await until('the emulator to hold the three lists', async () =>
      (await Promise.all(hangs.map((h) => fx.control.fault(h.id)))).every((f) => f.held === 1),
    );
    const closed = Date.now();
    d.controller.dispose();
    await d.controller.whenIdle();
    // With a 10-minute request timeout only the abort can have ended them.
    await until('the emulator to see the requests closed', async () =>
      (await Promise.all(hangs.map((h) => fx.control.fault(h.id)))).every((f) => f.held === 0),
    );
    assert.ok(Date.now() - closed < 10_000);
    for (const h of hangs) assert.equal((await fx.control.fault(h.id)).hits, 1, `${h.route}: aborted, not retried`);
    assert.equal(d.controller.view().error, undefined);
    assert.ok(!d.log.some((line) => line.startsWith('error')), d.log.join('\n'));
  });

  it('going Back from Review aborts the read of the existing pipeline; Review again reads it again', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), azureWithTimeout(fx, 600_000));
    await toAuthAndData(d);
    const hang = await fx.control.addFault({ kind: 'hang', route: 'adf.pipelines.get', count: 1 });
    await d.controller.handle({ type: 'request', id: 1, method: 'next', params: {} } as never);
    assert.equal(d.controller.view().step, 'review');
    await until('the emulator to hold the review read', async () => (await fx.control.fault(hang.id)).held === 1);
    await d.send('back');
    await until('the review read to be aborted', async () => (await fx.control.fault(hang.id)).held === 0);
    let view = d.controller.view();
    assert.equal(view.step, 'data');
    assert.equal(view.error, undefined, JSON.stringify(view.error));

    await d.send('next');
    view = d.controller.view();
    assert.equal(view.step, 'review');
    assert.equal(view.review?.exists, false, 'read again (no pipeline of that name yet)');
    assert.equal(view.error, undefined, JSON.stringify(view.error));
  });

  it('closing the panel while a run is followed aborts its status read in flight (no error)', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), azureWithTimeout(fx, 600_000));
    await toAuth(d, 'adf-ready');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/', pollIntervalSeconds: 3600 } });
    await d.send('next');
    await d.send('publish');
    await d.send('next');
    const hang = await fx.control.addFault({ kind: 'hang', route: 'adf.pipelineRuns.get', count: 100 });
    // runNow returns when following ends.
    const running = d.controller.handle({ type: 'request', id: 1, method: 'runNow', params: { values: {} } } as never);
    await until('the emulator to hold the status read', async () => (await fx.control.fault(hang.id)).held === 1);
    d.controller.dispose();
    await until('the status read to be aborted', async () => (await fx.control.fault(hang.id)).held === 0);
    await running;
    assert.equal((await fx.control.fault(hang.id)).hits, 1, 'aborted, not retried');
    assert.ok(!d.log.some((line) => line.startsWith('error')), d.log.join('\n'));
  });

  it('Reload of a hung list aborts it and lists with a request of its own', async () => {
    const azure = azureWithTimeout(fx, 600_000);
    const d = await startedWizard(azure);
    const hang = await fx.control.addFault({ kind: 'hang', route: 'adf.factories.list', count: 1 });
    await d.controller.handle({ type: 'request', id: 1, method: 'reload', params: { what: 'factories' } } as never);
    await until('the emulator to hold the factory list', async () => (await fx.control.fault(hang.id)).held === 1);
    await d.send('reload', { what: 'factories' });
    await until('the first list to be aborted', async () => (await fx.control.fault(hang.id)).held === 0);
    const view = d.controller.view();
    assert.equal(view.error, undefined, JSON.stringify(view.error));
    assert.ok((view.target.factories ?? []).some((f) => f.name === 'adf-mi'));
    assert.equal(view.target.factoriesLoading, false, JSON.stringify(view.target));
  });
});

/** Authentication with the factory whose identity already has its role, then Data with an input path. */
async function toAuthAndData(d: Driven): Promise<void> {
  await toAuth(d, 'adf-ready');
  await d.send('next');
  await d.send('updateForm', { patch: { inputPath: 'data/' } });
}
