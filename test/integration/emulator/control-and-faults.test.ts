import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { EmulatorControlError } from '../../../tools/emulator/control-client';
import { all, ARM_SCOPE, IDS, send, useEmulator } from './fixture';

describe('emulator: control API, faults and latency', () => {
  const fx = useEmulator();

  it('injects a 429 with Retry-After that the SDK waits for and retries (two requests in the log)', async () => {
    await fx.control.addFault({ route: 'ml.workspaces.get', kind: 'status', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const ws = await fx.ml().workspaces.get('rg-ml', 'ws-main');
    assert.equal(ws.name, 'ws-main');
    assert.ok(Date.now() - started >= 1000, 'the SDK honoured Retry-After: 1');
    const calls = (await fx.control.requests()).filter((r) => r.routeId === 'ml.workspaces.get');
    assert.deepEqual(
      calls.map((c) => [c.status, c.fault]),
      [
        [429, 'status:429'],
        [200, undefined],
      ],
    );
    const [fault] = await fx.control.listFaults();
    assert.deepEqual([fault!.hits, fault!.remaining], [1, 0]);
  });

  it('resets a connection; the SDK retries it', async () => {
    await fx.control.addFault({ route: '/providers/Microsoft.DataFactory/factories$', method: 'GET', kind: 'reset' });
    const factories = await all(fx.adf().factories.list());
    assert.equal(factories.length, 3);
    const calls = (await fx.control.requests()).filter((r) => r.routeId === 'adf.factories.list');
    assert.deepEqual(
      calls.map((c) => c.fault ?? c.status),
      ['reset', 200],
    );
  });

  it('answers 500 and 503 faults with an ARM error body, for the given count only', async () => {
    const url = `${fx.emulator.url}/subscriptions/${IDS.devSubscription}?api-version=2022-12-01`;
    await fx.control.addFault({ route: 'resources.subscriptions.get', kind: 'status', status: 500, count: 2 });
    await fx.control.addFault({
      route: 'resources.subscriptions.get',
      kind: 'status',
      status: 503,
      retryAfterSeconds: 7,
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await send(fx, { method: 'GET', url, scope: ARM_SCOPE }));
    assert.deepEqual(
      statuses.map((r) => r.status),
      [500, 500, 503, 200],
    );
    assert.equal((statuses[0]!.body as { error: { code: string } }).error.code, 'InternalServerError');
    assert.equal(statuses[2]!.headers['retry-after'], '7');
  });

  it('holds a request open on a hang fault until the client gives up', async () => {
    await fx.control.addFault({ route: 'adf.factories.get', kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await fx
      .adf()
      .factories.get('rg-adf', 'adf-int-mi', { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    const [call] = (await fx.control.requests()).filter((r) => r.routeId === 'adf.factories.get');
    assert.equal(call!.fault, 'hang');
  });

  it('adds latency to matching routes only', async () => {
    await fx.control.addLatency({ route: 'ml.datastores.list', ms: 400 });
    let started = Date.now();
    await all(fx.ml().datastores.list('rg-ml', 'ws-main'));
    assert.ok(Date.now() - started >= 400, 'the datastore list waited');
    started = Date.now();
    await fx.ml().workspaces.get('rg-ml', 'ws-main');
    const log = await fx.control.requests();
    assert.ok(log.find((r) => r.routeId === 'ml.datastores.list')!.durationMs >= 400);
    assert.ok(log.find((r) => r.routeId === 'ml.workspaces.get')!.durationMs < 400);
  });

  it('logs method, path, query, status and caller but never Authorization values', async () => {
    await fx.ml().workspaces.get('rg-ml', 'ws-main');
    const token = (await fx.credential.getToken(ARM_SCOPE)).token;
    const log = await fx.control.requests();
    const entry = log.find((r) => r.routeId === 'ml.workspaces.get')!;
    assert.equal(entry.method, 'GET');
    assert.match(entry.path, /\/workspaces\/ws-main$/);
    assert.equal(entry.query['api-version'], '2022-10-01');
    assert.equal(entry.status, 200);
    assert.equal(entry.caller?.objectId, IDS.sp.objectId);
    assert.ok(!JSON.stringify(log).includes(token), 'no token in the log');
    assert.ok(!JSON.stringify(log).toLowerCase().includes('authorization'), 'no Authorization header in the log');
    const later = await fx.control.requests(entry.seq);
    assert.ok(later.every((r) => r.seq > entry.seq));
  });

  it('resets to the seed: writes, faults and the log are forgotten', async () => {
    await fx.adf().pipelines.createOrUpdate('rg-adf', 'adf-int-mi', 'temporary', { activities: [] });
    await fx.control.addFault({ route: 'adf.pipelines.get', kind: 'status', status: 500, count: 5 });
    await fx.control.reset();
    assert.deepEqual(await fx.control.listFaults(), []);
    assert.deepEqual(await fx.control.requests(), []);
    const error = await fx
      .adf()
      .pipelines.get('rg-adf', 'adf-int-mi', 'temporary')
      .catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 404);
  });

  it('replaces the seed, and refuses an invalid one with its problems', async () => {
    const seed = await fx.control.getSeed();
    const renamed = structuredClone(seed);
    renamed.subscriptions[0]!.displayName = 'Renamed Dev';
    await fx.control.setSeed(renamed);
    const sub = await fx.subscriptions().subscriptions.get(IDS.devSubscription);
    assert.equal(sub.displayName, 'Renamed Dev');
    const invalid = await fx.control
      .setSeed({ tenants: [], subscriptions: [{ id: 'x' }] } as never)
      .catch((e: unknown) => e);
    assert.ok(invalid instanceof EmulatorControlError);
    assert.equal(invalid.status, 400);
    assert.match(invalid.message, /subscriptions\[0\]\.id: expected a GUID/);
    await fx.control.setSeed(seed);
  });

  it('refuses a malformed fault rule with a clear message', async () => {
    const error = await fx.control.addFault({ kind: 'explode' } as never).catch((e: unknown) => e);
    assert.ok(error instanceof EmulatorControlError);
    assert.match(error.message, /kind must be "status", "reset" or "hang"/);
  });
});
