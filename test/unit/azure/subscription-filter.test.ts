import * as assert from 'node:assert/strict';
import { effectiveSelection, filterSubscriptions } from '../../../src/core/azure/subscription-filter';

const all = [
  { subscriptionId: 'AAA', tenantId: 't1', name: 'A' },
  { subscriptionId: 'bbb', tenantId: 't1', name: 'B' },
  { subscriptionId: 'ccc', tenantId: 't2', name: 'C' },
];

describe('azure/subscription-filter', () => {
  it('shows everything without a selection', () => {
    assert.equal(filterSubscriptions(all, undefined).length, 3);
  });

  it('matches "tenant/subscription" entries and bare IDs, case-insensitively', () => {
    assert.deepEqual(
      filterSubscriptions(all, ['t1/aaa', 'CCC']).map((s) => s.name),
      ['A', 'C'],
    );
  });

  it('an explicit empty selection hides everything', () => {
    assert.deepEqual(filterSubscriptions(all, []), []);
  });

  it('prefers our own selection, then the Azure Resources one', () => {
    assert.deepEqual(effectiveSelection(['t1/bbb'], ['t2/ccc']), ['t1/bbb']);
    assert.deepEqual(effectiveSelection(undefined, ['t2/ccc']), ['t2/ccc']);
    assert.equal(effectiveSelection(undefined, []), undefined);
    assert.equal(effectiveSelection(undefined, undefined), undefined);
  });
});
