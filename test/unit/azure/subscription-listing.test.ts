import * as assert from 'node:assert/strict';
import { SubscriptionListing, type SubscriptionRef } from '../../../src/core/azure';

const sub = (id: string, name: string, tenantId = 't1'): SubscriptionRef => ({ subscriptionId: id, tenantId, name });

/** A source the test drives: pages are pushed by hand, then the list ends or fails. */
function drivenSource(): {
  listing: SubscriptionListing;
  page(page: readonly SubscriptionRef[]): void;
  end(all: readonly SubscriptionRef[]): void;
  fail(error: Error): void;
} {
  let report: (page: readonly SubscriptionRef[]) => void = () => undefined;
  let end: (all: readonly SubscriptionRef[]) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const listing = new SubscriptionListing(
    (onPage) =>
      new Promise((resolve, reject) => {
        report = onPage;
        end = resolve;
        fail = reject;
      }),
  );
  return { listing, page: (p) => report(p), end: (all) => end(all), fail: (e) => fail(e) };
}

/** Whether a promise has settled after the pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

const names = (list: readonly SubscriptionRef[]): string[] => list.map((s) => s.name);

describe('azure/subscription-listing', () => {
  it('gives the first page as soon as it is in, sorted by name, while the rest is read', async () => {
    const d = drivenSource();
    const first = d.listing.firstPage();
    assert.equal(await settled(first), false, 'nothing before the first page');
    d.page([sub('b', 'Beta'), sub('a', 'Alpha')]);
    const soFar = await first;
    assert.deepEqual(names(soFar.subscriptions), ['Alpha', 'Beta']);
    assert.equal(soFar.complete, false);
    assert.equal(d.listing.isComplete, false);
    assert.equal(await settled(d.listing.all()), false, 'the whole list waits for the last page');
  });

  it('completes with every page, deduplicated by subscription id and sorted by name', async () => {
    const d = drivenSource();
    d.page([sub('c', 'Gamma'), sub('a', 'Alpha')]);
    d.page([sub('b', 'Beta'), sub('A', 'Alpha again', 't2')]);
    assert.deepEqual(names(d.listing.soFar().subscriptions), ['Alpha', 'Beta', 'Gamma']);
    d.end([sub('c', 'Gamma'), sub('a', 'Alpha'), sub('b', 'Beta'), sub('A', 'Alpha again', 't2')]);
    assert.deepEqual(names(await d.listing.all()), ['Alpha', 'Beta', 'Gamma']);
    assert.equal(d.listing.isComplete, true);
    const later = await d.listing.firstPage();
    assert.equal(later.complete, true, 'asked after the end, the first page is the whole list');
    assert.deepEqual(names(later.subscriptions), ['Alpha', 'Beta', 'Gamma']);
  });

  it("takes the session's final answer over the pages it reported", async () => {
    const d = drivenSource();
    d.page([sub('x', 'From a tenant that failed later')]);
    d.end([sub('a', 'Alpha')]);
    assert.deepEqual(names(await d.listing.all()), ['Alpha']);
    assert.deepEqual(names(d.listing.soFar().subscriptions), ['Alpha']);
  });

  it('a page that ends the list is the whole list, not a first page of it', async () => {
    const d = drivenSource();
    const first = d.listing.firstPage();
    d.page([sub('a', 'Alpha')]);
    d.end([sub('a', 'Alpha')]);
    assert.deepEqual(await first, { subscriptions: [sub('a', 'Alpha')], complete: true });
  });

  it('a later call to firstPage gets the pages in by then', async () => {
    const d = drivenSource();
    d.page([sub('a', 'Alpha')]);
    d.page([sub('b', 'Beta')]);
    const soFar = await d.listing.firstPage();
    assert.deepEqual(names(soFar.subscriptions), ['Alpha', 'Beta']);
    assert.equal(soFar.complete, false);
  });

  it('an empty first page does not count: it waits for a page with subscriptions', async () => {
    const d = drivenSource();
    const first = d.listing.firstPage();
    d.page([]);
    assert.equal(await settled(first), false);
    d.page([sub('a', 'Alpha')]);
    assert.deepEqual(names((await first).subscriptions), ['Alpha']);
  });

  it('a list that ends before any subscription arrived gives the whole (empty) list, complete', async () => {
    const d = drivenSource();
    const first = d.listing.firstPage();
    d.page([]);
    d.end([]);
    assert.deepEqual(await first, { subscriptions: [], complete: true });
    assert.deepEqual(await SubscriptionListing.of([]).firstPage(), { subscriptions: [], complete: true });
  });

  it('a failure before the first page rejects both the first page and the whole list', async () => {
    const d = drivenSource();
    const first = d.listing.firstPage();
    d.fail(new Error('403 AuthorizationFailed'));
    await assert.rejects(first, /403 AuthorizationFailed/);
    await assert.rejects(d.listing.all(), /403 AuthorizationFailed/);
    assert.equal(d.listing.isComplete, false);
    assert.equal(d.listing.hasFailed, true);
  });

  it('a failure after the first page: the first page stands, the whole list and later calls reject', async () => {
    const d = drivenSource();
    d.page([sub('a', 'Alpha')]);
    const first = await d.listing.firstPage();
    assert.deepEqual(names(first.subscriptions), ['Alpha']);
    assert.equal(d.listing.hasFailed, false);
    d.fail(new Error('429 TooManyRequests'));
    await assert.rejects(d.listing.all(), /429 TooManyRequests/);
    await assert.rejects(d.listing.firstPage(), /429 TooManyRequests/, 'a re-render after the failure shows it');
    assert.equal(d.listing.isComplete, false);
  });

  it('a source that throws at once is a failed listing, not a crash', async () => {
    const listing = new SubscriptionListing(() => {
      throw new Error('no client');
    });
    await assert.rejects(listing.firstPage(), /no client/);
    await assert.rejects(listing.all(), /no client/);
  });

  it('hands out copies: a caller sorting or filtering its list does not change the listing', async () => {
    const listing = SubscriptionListing.of([sub('a', 'Alpha'), sub('b', 'Beta')]);
    const all = await listing.all();
    all.reverse();
    assert.deepEqual(names(await listing.all()), ['Alpha', 'Beta']);
  });
});
