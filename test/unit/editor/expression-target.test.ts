import * as assert from 'node:assert/strict';
import { expressionTargetAt } from '../../../src/core/editor-support/expression-target';

function target(value: string): [string, string, string] | undefined {
  const index = value.indexOf('|');
  const clean = value.replace('|', '');
  const found = expressionTargetAt(clean, index);
  if (!found) return undefined;
  const name = found.kind === 'function' ? found.info.name : found.name;
  return [found.kind, name, clean.slice(found.span.start, found.span.end)];
}

describe('editor: what the cursor points at in an expression', () => {
  it('function names, in any letter case, at their start, middle and end', () => {
    assert.deepEqual(target("@con|cat('a', 'b')"), ['function', 'concat', 'concat']);
    assert.deepEqual(target("@|concat('a', 'b')"), ['function', 'concat', 'concat']);
    assert.deepEqual(target("@concat('a', utc|now())"), ['function', 'utcNow', 'utcnow']);
    assert.deepEqual(target('x @{formatDateTime|(utcNow())} y'), ['function', 'formatDateTime', 'formatDateTime']);
    assert.deepEqual(target('@frobnicate|(1)'), ['unknownFunction', 'frobnicate', 'frobnicate']);
  });

  it('references: parameter, variable and activity names', () => {
    assert.deepEqual(target('@pipeline().parameters.end|point_uri'), ['parameter', 'endpoint_uri', 'endpoint_uri']);
    assert.deepEqual(target("@variables('job|_status')"), ['variable', 'job_status', 'job_status']);
    assert.deepEqual(target("@activity('Check st|atus').output"), ['activity', 'Check status', 'Check status']);
    assert.deepEqual(target('@pipeline().globalParameters.G|P'), ['globalParameter', 'GP', 'GP']);
  });

  it('nothing on literals, arguments or plain text', () => {
    assert.equal(target("@concat('a|b', 'c')"), undefined);
    assert.equal(target('plain te|xt'), undefined);
    assert.equal(target('@@not an expr|ession'), undefined);
  });
});
