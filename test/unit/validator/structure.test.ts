import * as assert from 'node:assert/strict';
import { activity, codesOf, covered, only, pipeline, problemsOf, text } from './helpers';

describe('validator: structure (ADF101-ADF104)', () => {
  it('ADF101: a missing required typeProperty from the REST model is an error', () => {
    const source = text(pipeline([activity('Run child', 'ExecutePipeline', {})]));
    const problem = only(problemsOf(source), 'ADF101');
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /typeProperties\.pipeline/);
    assert.equal(covered(source, problem), '"typeProperties"');
  });

  it('ADF101: nested required properties (pipeline.referenceName) are checked too', () => {
    const problems = problemsOf(
      pipeline([activity('Run child', 'ExecutePipeline', { pipeline: { type: 'PipelineReference' } })]),
    );
    assert.match(only(problems, 'ADF101').message, /typeProperties\.pipeline\.referenceName/);
  });

  it('ADF101: a complete activity has no structure problem', () => {
    assert.deepEqual(
      codesOf(
        pipeline([
          activity('Run child', 'ExecutePipeline', { pipeline: { referenceName: 'child', type: 'PipelineReference' } }),
        ]),
      ),
      [],
    );
  });

  it('ADF101: missing name, type, or dependency fields', () => {
    const codes = codesOf(
      pipeline([
        { type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } },
        { name: 'x', typeProperties: {} },
      ]),
    );
    assert.equal(codes.filter((c) => c === 'ADF101').length, 2);
    const dep = problemsOf(
      pipeline([activity('a', 'Wait'), activity('b', 'Wait', {}, { dependsOn: [{ activity: 'a' }] })]),
    );
    assert.match(only(dep, 'ADF101').message, /dependencyConditions/);
  });

  it('ADF101 in an ARM template is a warning: gallery templates are completed after import', () => {
    const arm = {
      resources: [
        {
          name: "[concat(parameters('factoryName'), '/p')]",
          type: 'Microsoft.DataFactory/factories/pipelines',
          properties: { activities: [activity('sp', 'SqlServerStoredProcedure', {})] },
        },
      ],
    };
    assert.equal(only(problemsOf(arm), 'ADF101').severity, 'warning');
  });

  it('ADF102: wrong JSON kinds for structural values', () => {
    const problems = problemsOf({
      name: 'p',
      properties: { activities: [activity('a', 'Wait', {}, { dependsOn: 'a' }), 42] },
    });
    assert.equal(problems.filter((p) => p.code === 'ADF102').length, 2);
    assert.deepEqual(codesOf({ name: 'p', properties: { activities: {} } }), ['ADF102']);
    const upstreamNumber = only(
      problemsOf(
        pipeline([
          activity('a', 'Wait', { waitTimeInSeconds: 1 }),
          activity(
            'b',
            'Wait',
            { waitTimeInSeconds: 1 },
            { dependsOn: [{ activity: 20, dependencyConditions: ['Succeeded'] }] },
          ),
        ]),
      ),
      'ADF102',
    );
    assert.match(upstreamNumber.message, /"activity" in a dependsOn entry must be an activity name/);
  });

  it('ADF103: an unknown activity type is a warning with a suggestion; letter case of types is ignored', () => {
    const problem = only(
      problemsOf(pipeline([activity('a', 'WebActivty', { url: 'https://x', method: 'GET' })])),
      'ADF103',
    );
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /WebActivity/);
    assert.deepEqual(codesOf(pipeline([activity('a', 'wait', { waitTimeInSeconds: 5 })])), []);
  });

  it('ADF104: unknown enum values are warnings; known values in any letter case pass', () => {
    const bad = problemsOf(
      pipeline([activity('a', 'WebActivity', { method: 'FETCH' })], { parameters: { p: { type: 'Text' } } }),
    );
    assert.equal(bad.filter((p) => p.code === 'ADF104').length, 2);
    assert.ok(bad.every((p) => p.severity === 'warning'));
    const fine = pipeline([activity('a', 'WebActivity', { method: 'post', body: '{}' })], {
      parameters: { p: { type: 'string' }, q: { type: 'securestring' } },
      variables: { v: { type: 'Boolean' }, w: { type: 'Integer' }, x: { type: 'array' } },
    });
    assert.deepEqual(codesOf(fine), []);
  });

  it('reads Synapse and Fabric shapes (top-level type, no name)', () => {
    assert.deepEqual(
      codesOf({
        name: 'p',
        type: 'Microsoft.Synapse/workspaces/pipelines',
        properties: { activities: [activity('a', 'Wait')] },
      }),
      [],
    );
    assert.deepEqual(codesOf({ properties: { activities: [activity('a', 'Wait')] } }), []);
  });
});
