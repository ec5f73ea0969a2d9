import * as assert from 'node:assert/strict';
import { activity, codesOf, covered, only, pipeline, problemsOf, text } from './helpers';

describe('validator: names (ADF201-ADF204)', () => {
  for (const ch of ['.', '+', '?', '/', '<', '>', '*', '%', '&', ':', '\\']) {
    it(`ADF201: "${ch}" in an activity name is an error`, () => {
      const problem = only(problemsOf(pipeline([activity(`Copy${ch}1`, 'Wait')])), 'ADF201');
      assert.equal(problem.severity, 'error');
    });
  }

  it('ADF201: pipeline names are checked too, and legal names with spaces and dashes pass', () => {
    assert.equal(only(problemsOf(pipeline([], {}, '<pipelinename>')), 'ADF201').severity, 'error');
    assert.deepEqual(codesOf(pipeline([activity('Run Batch-Endpoint (v2)', 'Wait')], {}, 'Run-BatchEndpoint')), []);
  });

  it('ADF202: a name that does not start with a letter is a warning (ADF accepts 01-Grandparent)', () => {
    const problem = only(problemsOf(pipeline([], {}, '01-Grandparent')), 'ADF202');
    assert.equal(problem.severity, 'warning');
    assert.equal(only(problemsOf(pipeline([activity('_a', 'Wait')])), 'ADF202').severity, 'warning');
  });

  it('ADF203: duplicate names are found case-insensitively across nested containers', () => {
    const source = text(
      pipeline([activity('Check', 'Wait'), activity('Loop', 'ForEach', { activities: [activity('CHECK', 'Wait')] })]),
    );
    const problem = only(problemsOf(source), 'ADF203');
    assert.equal(covered(source, problem), '"CHECK"');
    assert.equal(covered(source, { ...problem, range: problem.related![0].range }), '"Check"');
  });

  it('ADF203: distinct names pass', () => {
    assert.deepEqual(
      codesOf(pipeline([activity('A', 'Wait'), activity('B', 'ForEach', { activities: [activity('C', 'Wait')] })])),
      [],
    );
  });

  it('ADF204: parameters or variables that differ only in letter case', () => {
    const problems = problemsOf(pipeline([], { parameters: { Path: { type: 'String' }, path: { type: 'String' } } }));
    assert.equal(only(problems, 'ADF204').severity, 'error');
    assert.deepEqual(codesOf(pipeline([], { parameters: { a: { type: 'String' }, b: { type: 'String' } } })), []);
  });
});
