import assert from 'node:assert/strict';
import {
  checkDependencies,
  conditionsMet,
  dependencyProblems,
  scopeOutcome,
} from '../../../src/core/engine/dependencies';
import type { ActivityRunStatus } from '../../../src/core/engine/types';
import { activity, after } from './support';

const statuses = (entries: Record<string, ActivityRunStatus>): Map<string, ActivityRunStatus> =>
  new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));

describe('engine dependencies', () => {
  it('matches each condition to the statuses ADF documents (Completed = Succeeded or Failed)', () => {
    assert.equal(conditionsMet(['Succeeded'], 'Succeeded'), true);
    assert.equal(conditionsMet(['Succeeded'], 'Failed'), false);
    assert.equal(conditionsMet(['Failed'], 'Failed'), true);
    assert.equal(conditionsMet(['Skipped'], 'Skipped'), true);
    assert.equal(conditionsMet(['Skipped'], 'Succeeded'), false);
    assert.equal(conditionsMet(['Completed'], 'Succeeded'), true);
    assert.equal(conditionsMet(['Completed'], 'Failed'), true);
    assert.equal(conditionsMet(['Completed'], 'Skipped'), false);
    assert.equal(conditionsMet(['completed'], 'Failed'), true, 'conditions are case-insensitive');
  });

  it('treats the conditions of one dependency as alternatives and different dependencies as all required', () => {
    assert.equal(conditionsMet(['Failed', 'Skipped'], 'Skipped'), true);
    const c = activity('C', 'Wait', {}, { dependsOn: [...after('A')!, ...after('B', 'Failed')!] });
    assert.equal(checkDependencies(c, statuses({ A: 'Succeeded' }) as never), 'waiting');
    assert.equal(checkDependencies(c, statuses({ A: 'Succeeded', B: 'Failed' }) as never), 'met');
    assert.equal(checkDependencies(c, statuses({ A: 'Succeeded', B: 'Succeeded' }) as never), 'unmet');
    assert.equal(
      checkDependencies(c, statuses({ A: 'Skipped' }) as never),
      'unmet',
      'an unmet dependency decides before the others end',
    );
  });

  it('fails a scope only when an evaluated leaf failed (try/catch succeeds, do-if-else fails, do-if-skip-else succeeds)', () => {
    const tryCatch = [activity('A', 'X'), activity('Catch', 'X', {}, { dependsOn: after('A', 'Failed') })];
    assert.equal(scopeOutcome(tryCatch, statuses({ A: 'Failed', Catch: 'Succeeded' })).status, 'Succeeded');

    const doIfElse = [
      activity('A', 'X'),
      activity('OnOk', 'X', {}, { dependsOn: after('A') }),
      activity('OnFail', 'X', {}, { dependsOn: after('A', 'Failed') }),
    ];
    const ifElse = scopeOutcome(doIfElse, statuses({ A: 'Failed', OnOk: 'Skipped', OnFail: 'Succeeded' }));
    assert.equal(ifElse.status, 'Failed');
    assert.deepEqual(ifElse.failedActivities, ['A'], 'the skipped leaf is replaced by its failed parent');

    const doIfSkipElse = [...doIfElse, activity('AfterSkip', 'X', {}, { dependsOn: after('OnOk', 'Skipped') })];
    assert.equal(
      scopeOutcome(
        doIfSkipElse,
        statuses({ A: 'Failed', OnOk: 'Skipped', OnFail: 'Succeeded', AfterSkip: 'Succeeded' }),
      ).status,
      'Succeeded',
    );
  });

  it('walks up through chains of skipped leaves and ignores failures that are not evaluated', () => {
    const chain = [
      activity('A', 'X'),
      activity('B', 'X', {}, { dependsOn: after('A') }),
      activity('C', 'X', {}, { dependsOn: after('B') }),
    ];
    assert.equal(scopeOutcome(chain, statuses({ A: 'Failed', B: 'Skipped', C: 'Skipped' })).status, 'Failed');
    assert.equal(scopeOutcome(chain, statuses({ A: 'Succeeded', B: 'Succeeded', C: 'Succeeded' })).status, 'Succeeded');
    const skippedAfterSuccess = [activity('A', 'X'), activity('OnFail', 'X', {}, { dependsOn: after('A', 'Failed') })];
    assert.equal(
      scopeOutcome(skippedAfterSuccess, statuses({ A: 'Succeeded', OnFail: 'Skipped' })).status,
      'Succeeded',
    );
  });

  it('reports unknown dependencies, bad conditions, duplicate names and cycles', () => {
    const problems = dependencyProblems([
      activity('A', 'X', {}, { dependsOn: after('Nope') }),
      activity('B', 'X', {}, { dependsOn: after('C', 'Sometimes') }),
      activity('C', 'X', {}, { dependsOn: after('B') }),
      activity('a', 'X'),
    ]);
    const text = problems.join('\n');
    assert.match(text, /depends on 'Nope'/);
    assert.match(text, /invalid dependency condition 'Sometimes'/);
    assert.match(text, /Two activities are named 'a'/);
    assert.match(text, /cycle: (B -> C -> B|C -> B -> C)/);
    assert.deepEqual(dependencyProblems([activity('A', 'X'), activity('B', 'X', {}, { dependsOn: after('A') })]), []);
  });
});
