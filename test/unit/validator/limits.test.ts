import * as assert from 'node:assert/strict';
import { activity, codesOf, only, pipeline, problemsOf, type Json } from './helpers';

function waits(count: number, prefix = 'W'): Json[] {
  return Array.from({ length: count }, (_, i) => activity(`${prefix}${i}`, 'Wait'));
}

describe('validator: limits and nesting (ADF401-ADF408)', () => {
  it('ADF401: activities are counted with nested ones against the configurable limit (default 80)', () => {
    const nested = pipeline([...waits(70), activity('Loop', 'ForEach', { activities: waits(10, 'N') })]);
    assert.match(only(problemsOf(nested), 'ADF401').message, /81 activities/);
    assert.deepEqual(codesOf(pipeline(waits(80))), []);
    assert.equal(only(problemsOf(pipeline(waits(41)), { maxActivities: 40 }), 'ADF401').severity, 'error');
  });

  it('ADF402: more parameters than the limit (default 50)', () => {
    const parameters = (n: number): Record<string, Json> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { type: 'String' }]));
    assert.equal(only(problemsOf(pipeline([], { parameters: parameters(51) })), 'ADF402').severity, 'error');
    assert.deepEqual(codesOf(pipeline([], { parameters: parameters(50) })), []);
  });

  it('ADF403: an expression longer than the limit (default 8192)', () => {
    const long = `@concat('${'x'.repeat(8200)}', 'y')`;
    assert.equal(
      only(problemsOf(pipeline([activity('S', 'SetVariable', { value: long })])), 'ADF403').severity,
      'error',
    );
    assert.deepEqual(
      codesOf(pipeline([activity('S', 'SetVariable', { value: 'x'.repeat(9000) })])),
      [],
      'plain text is not an expression',
    );
    assert.deepEqual(
      codesOf(pipeline([activity('S', 'SetVariable', { value: long })]), { maxExpressionLength: 10000 }),
      [],
    );
  });

  it('ADF404: If Condition or Switch inside If Condition or Switch', () => {
    const problems = problemsOf(
      pipeline([
        activity('If', 'IfCondition', {
          ifTrueActivities: [
            activity('Inner switch', 'Switch', { defaultActivities: [activity('Deep if', 'IfCondition')] }),
          ],
        }),
      ]),
    );
    assert.equal(problems.filter((p) => p.code === 'ADF404').length, 2);
  });

  it('If Condition and Switch inside ForEach and Until are allowed', () => {
    const ok = pipeline([
      activity('Loop', 'ForEach', { activities: [activity('If', 'IfCondition'), activity('Sw', 'Switch')] }),
      activity('Poll', 'Until', { activities: [activity('If2', 'IfCondition')] }),
    ]);
    assert.deepEqual(codesOf(ok), []);
  });

  it('ADF405: ForEach or Until inside ForEach or Until, also through an If', () => {
    const problems = problemsOf(
      pipeline([
        activity('Loop', 'ForEach', {
          activities: [
            activity('Poll', 'Until'),
            activity('If', 'IfCondition', { ifTrueActivities: [activity('Inner', 'ForEach')] }),
          ],
        }),
      ]),
    );
    assert.equal(problems.filter((p) => p.code === 'ADF405').length, 2);
    assert.deepEqual(
      codesOf(pipeline([activity('If', 'IfCondition', { ifTrueActivities: [activity('Loop', 'ForEach')] })])),
      [],
    );
  });

  it('ADF406: a Validation activity inside a container', () => {
    const validation = activity('Check file', 'Validation', {
      dataset: { referenceName: 'ds', type: 'DatasetReference' },
    });
    assert.equal(
      only(problemsOf(pipeline([activity('Loop', 'ForEach', { activities: [validation] })])), 'ADF406').severity,
      'error',
    );
    assert.deepEqual(codesOf(pipeline([validation])), []);
  });

  it('ADF407: a pipeline larger than the size limit', () => {
    const big = pipeline([activity('S', 'SetVariable', { value: 'x'.repeat(3000) })]);
    assert.equal(only(problemsOf(big, { maxPipelineBytes: 1000 }), 'ADF407').severity, 'warning');
    assert.deepEqual(codesOf(big), []);
  });

  it('ADF408: a Wait, an Until timeout or a policy.timeout over 7 days; exactly 7 days and expressions pass', () => {
    const month = pipeline([
      activity('Long', 'Wait', { waitTimeInSeconds: 30 * 86_400 }),
      activity('Loop', 'Until', { expression: { value: '@true', type: 'Expression' }, timeout: '8.00:00:00' }),
      activity('Slow', 'SetVariable', {}, { policy: { timeout: '7.00:00:01' } }),
    ]);
    const problems = problemsOf(month).filter((p) => p.code === 'ADF408');
    assert.equal(problems.length, 3, JSON.stringify(problems));
    assert.ok(problems.every((p) => p.severity === 'error'));
    assert.match(problems[0].message, /waits 2592000 seconds.*7 days \(604800 seconds\)/);
    assert.match(problems[1].message, /loop timeout 8\.00:00:00.*7 days/);
    assert.match(problems[2].message, /policy\.timeout 7\.00:00:01.*7 days/);
    const week = pipeline([
      activity('Week', 'Wait', { waitTimeInSeconds: 7 * 86_400 }),
      activity('Loop', 'Until', { expression: { value: '@true', type: 'Expression' }, timeout: '7.00:00:00' }),
      activity('Set', 'SetVariable', {}, { policy: { timeout: '7.00:00:00' } }),
      activity('Dyn', 'Wait', { waitTimeInSeconds: { value: '@pipeline().parameters.s', type: 'Expression' } }),
    ]);
    assert.deepEqual(
      problemsOf(week).filter((p) => p.code === 'ADF408'),
      [],
    );
  });
});
