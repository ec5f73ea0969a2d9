import * as assert from 'node:assert/strict';
import { activity, applyFix, codesOf, covered, dependsOn, only, pipeline, problemsOf, text } from './helpers';

describe('validator: dependsOn (ADF301-ADF306)', () => {
  it('ADF301: an unknown target is an error with the closest name and a fix that renames it', () => {
    const source = text(
      pipeline([
        activity('If Condition', 'Wait'),
        activity('Wait 4', 'Wait', {}, { dependsOn: dependsOn('If Condition1') }),
      ]),
    );
    const problem = only(problemsOf(source), 'ADF301');
    assert.equal(problem.severity, 'error');
    assert.equal(covered(source, problem), '"If Condition1"');
    assert.match(problem.message, /did you mean "If Condition"/);
    const fixed = applyFix(source, problem.fix);
    assert.deepEqual(codesOf(fixed), []);
  });

  it('ADF301: no suggestion (and no fix) when nothing is close', () => {
    const problem = only(
      problemsOf(
        pipeline([activity('Alpha', 'Wait'), activity('B', 'Wait', {}, { dependsOn: dependsOn('Zzzzzzzzzz') })]),
      ),
      'ADF301',
    );
    assert.equal(problem.fix, undefined);
  });

  it('ADF302: self-dependency', () => {
    assert.equal(
      only(problemsOf(pipeline([activity('A', 'Wait', {}, { dependsOn: dependsOn('a') })])), 'ADF302').severity,
      'error',
    );
  });

  it('ADF303: a cycle is reported once, with the other members as related locations', () => {
    const problems = problemsOf(
      pipeline([
        activity('A', 'Wait', {}, { dependsOn: dependsOn('C') }),
        activity('B', 'Wait', {}, { dependsOn: dependsOn('A') }),
        activity('C', 'Wait', {}, { dependsOn: dependsOn('B') }),
        activity('D', 'Wait', {}, { dependsOn: dependsOn('C') }),
      ]),
    );
    const problem = only(problems, 'ADF303');
    assert.equal(problem.related?.length, 2);
    assert.match(problem.message, /"A" -> "B" -> "C"/);
  });

  it('ADF303: a diamond is not a cycle', () => {
    const diamond = pipeline([
      activity('A', 'Wait'),
      activity('B', 'Wait', {}, { dependsOn: dependsOn('A') }),
      activity('C', 'Wait', {}, { dependsOn: dependsOn('A') }),
      activity('D', 'Wait', {}, { dependsOn: dependsOn('B', 'C') }),
    ]);
    assert.deepEqual(codesOf(diamond), []);
  });

  it('ADF304: a dependency across a container boundary', () => {
    const problems = problemsOf(
      pipeline([
        activity('Outer', 'Wait'),
        activity('Loop', 'ForEach', { activities: [activity('Inner', 'Wait', {}, { dependsOn: dependsOn('Outer') })] }),
        activity('After', 'Wait', {}, { dependsOn: dependsOn('Inner') }),
      ]),
    );
    assert.equal(problems.filter((p) => p.code === 'ADF304').length, 2);
    assert.ok(problems.every((p) => p.code !== 'ADF301'));
  });

  it('ADF305: invalid or empty dependency conditions; valid ones in any letter case pass', () => {
    const bad = problemsOf(
      pipeline([
        activity('A', 'Wait'),
        activity('B', 'Wait', {}, { dependsOn: [{ activity: 'A', dependencyConditions: ['Success'] }] }),
        activity('C', 'Wait', {}, { dependsOn: [{ activity: 'A', dependencyConditions: [] }] }),
      ]),
    );
    assert.equal(bad.filter((p) => p.code === 'ADF305').length, 2);
    const good = pipeline([
      activity('A', 'Wait'),
      activity(
        'B',
        'Wait',
        {},
        { dependsOn: [{ activity: 'A', dependencyConditions: ['failed', 'Skipped', 'Completed'] }] },
      ),
    ]);
    assert.deepEqual(codesOf(good), []);
  });

  it('ADF306: the same dependency twice is a warning', () => {
    const problem = only(
      problemsOf(pipeline([activity('A', 'Wait'), activity('B', 'Wait', {}, { dependsOn: dependsOn('A', 'a') })])),
      'ADF306',
    );
    assert.equal(problem.severity, 'warning');
  });
});
