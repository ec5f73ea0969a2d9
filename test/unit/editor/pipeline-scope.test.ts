import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { pipelineScopeAt } from '../../../src/core/editor-support/pipeline-scope';

const fixture = readFileSync('test/fixtures/editor/workspace/pipeline/Score-Broken.json', 'utf8');
const root = parseTree(fixture);
const names = (list: readonly { name: string }[]): string[] => list.map((a) => a.name);

describe('editor: what an expression can refer to', () => {
  it('declared parameters and variables with their types and defaults', () => {
    const scope = pipelineScopeAt(root, fixture.indexOf('pipeline().parameters.endpoint_uri'));
    assert.ok(scope);
    assert.deepEqual(names(scope.parameters), [
      'tenant_id',
      'client_id',
      'client_secret',
      'endpoint_uri',
      'endpoint_input_uri',
      'poll_interval',
    ]);
    const poll = scope.parameters.find((p) => p.name === 'poll_interval');
    assert.deepEqual([poll?.type, poll?.hasDefault, poll?.defaultValue], ['int', true, 120]);
    assert.deepEqual(scope.variables, []);
    assert.equal(scope.allActivities.length, 6);
  });

  it('the activity around the offset and the activities that run before it', () => {
    const inRun = pipelineScopeAt(root, fixture.indexOf("activity('Authorize')"));
    assert.equal(inRun?.activity?.name, 'Run Batch-Endpoint');
    assert.deepEqual(
      names(inRun?.readableActivities ?? []),
      [],
      '"Authorise" is misspelt in dependsOn, so nothing runs before',
    );

    const inWait = pipelineScopeAt(root, fixture.indexOf('@pipeline().parameters.poll_interval'));
    assert.equal(inWait?.activity?.name, 'Wait');
    assert.deepEqual(names(inWait?.readableActivities ?? []), [
      'Remember status',
      'Check status',
      'Run Batch-Endpoint',
    ]);
  });

  it("inside an Until's own condition, the activities of its loop body are readable too", () => {
    const scope = pipelineScopeAt(root, fixture.indexOf("@equals(activity('Check status')"));
    assert.equal(scope?.activity?.name, 'Wait for job');
    assert.deepEqual(names(scope?.readableActivities ?? []), [
      'Run Batch-Endpoint',
      'Check status',
      'Remember status',
      'Wait',
    ]);
  });

  it('ARM templates: the resource around the offset; outside a pipeline: undefined', () => {
    const arm = JSON.stringify({
      resources: [
        {
          type: 'Microsoft.DataFactory/factories/pipelines',
          name: 'a',
          properties: { parameters: { p1: { type: 'string' } }, activities: [{ name: 'A', type: 'Wait' }] },
        },
        {
          type: 'Microsoft.DataFactory/factories/pipelines',
          name: 'b',
          properties: {
            parameters: { p2: { type: 'int' } },
            activities: [{ name: 'B', type: 'Wait', typeProperties: { waitTimeInSeconds: 'X' } }],
          },
        },
      ],
    });
    const scope = pipelineScopeAt(parseTree(arm), arm.indexOf('"X"'));
    assert.deepEqual(names(scope?.parameters ?? []), ['p2']);
    assert.equal(scope?.activity?.name, 'B');
    assert.equal(pipelineScopeAt(parseTree('{"x": "y"}'), 7), undefined);
  });
});
