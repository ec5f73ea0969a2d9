// The service-principal session against the emulator paging the subscription list at 2 (nextLink, like ARM at 50):
// the session reports each page through the official SubscriptionClient's byPage() as it arrives, and the tree
// root's SubscriptionListing has the first page while the later ones are still on their way.
import * as assert from 'node:assert/strict';
import type { SubscriptionRef } from '../../../src/core/azure';
import { SubscriptionListing } from '../../../src/core/azure';
import { ServicePrincipalSession } from '../../../src/azure/sessions/service-principal-session';
import type { EmulatorControlClient } from '../../../tools/emulator/control-client';
import type { EmulatorSeed } from '../../../tools/emulator/index';
import { trustEmulatorCaPolicy } from '../../../tools/emulator/trust';
import { useEmulator } from '../../support/emulator';

const TENANT = '5e000000-0000-4000-8000-0000000000aa';
const CLIENT_ID = '5e000000-0000-4000-8000-0000000000cc';
const SECRET = 'paging-secret';
const PAGE_SIZE = 2;
/** Listed by the emulator in this (unsorted) order: pages [Echo, Alpha], [Delta, Bravo], [Charlie]. */
const NAMES = ['Echo', 'Alpha', 'Delta', 'Bravo', 'Charlie'];
/** Per page: long enough that the later pages are surely still on their way when the first is checked. */
const PAGE_LATENCY_MS = 400;

const SEED: EmulatorSeed = {
  description: 'test/integration/azure/subscription-pages.test.ts',
  tenants: [{ id: TENANT, displayName: 'Paging tenant' }],
  servicePrincipals: [
    { tenantId: TENANT, clientId: CLIENT_ID, objectId: '5e000000-0000-4000-8000-0000000000dd', secret: SECRET },
  ],
  subscriptions: NAMES.map((name, i) => ({
    id: `5e000000-0000-4000-8000-00000000000${i + 1}`,
    displayName: name,
    tenantId: TENANT,
  })),
};

describe('subscription list page by page: service-principal session, SDK byPage, emulator nextLink', function () {
  this.timeout(60_000);
  const under = useEmulator(SEED, { pageSize: PAGE_SIZE, resetEachTest: false });
  let session: ServicePrincipalSession;
  let control: EmulatorControlClient;

  before(() => {
    control = under.control;
    session = new ServicePrincipalSession(under.cloud, { tenantId: TENANT, clientId: CLIENT_ID }, SECRET, {
      additionalPolicies: [{ policy: trustEmulatorCaPolicy(under.emulator.caCertPem), position: 'perCall' }],
    });
  });
  afterEach(async () => {
    await control.clearLatency();
  });
  after(() => session?.dispose());

  it('reports every page as it arrives, then returns the whole list sorted by name', async () => {
    const pages: string[][] = [];
    const all = await session.getSubscriptions((page) => pages.push(page.map((s) => s.name)));
    assert.deepEqual(pages, [['Echo', 'Alpha'], ['Delta', 'Bravo'], ['Charlie']]);
    assert.deepEqual(
      all.map((s) => s.name),
      ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'],
    );
    assert.ok(all.every((s) => s.tenantId === TENANT));
  });

  it("the root's listing has the first page before the later pages are answered, then the whole list", async () => {
    await control.addLatency({ ms: PAGE_LATENCY_MS, route: 'resources.subscriptions.list' });
    const since = (await control.requests()).at(-1)?.seq ?? 0;
    const listing = new SubscriptionListing((onPage) => session.getSubscriptions(onPage));
    const first = await listing.firstPage();
    const answeredByThen = (await control.requests(since)).filter(
      (r) => r.routeId === 'resources.subscriptions.list',
    ).length;
    assert.deepEqual(
      first.subscriptions.map((s: SubscriptionRef) => s.name),
      ['Alpha', 'Echo'],
    );
    assert.equal(first.complete, false);
    assert.ok(answeredByThen < 3, `${answeredByThen} pages answered at the first page`);
    assert.deepEqual(
      (await listing.all()).map((s) => s.name),
      ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'],
    );
    assert.equal(listing.isComplete, true);
  });
});
