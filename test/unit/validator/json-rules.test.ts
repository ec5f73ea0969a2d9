import * as assert from 'node:assert/strict';
import { validate } from '../../../src/core/validator';
import { activity, codesOf, covered, only, pipeline, problemsOf, text } from './helpers';

describe('validator: JSON syntax and document (ADF001-ADF003)', () => {
  it('ADF001: reports every syntax error, each at its position', () => {
    const source = '{\n  "name": "p"\n  "properties": {"activities": [1,]}\n}';
    const problems = problemsOf(source).filter((p) => p.code === 'ADF001');
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Comma expected', 'Value expected'],
      JSON.stringify(problems),
    );
    assert.ok(problems.every((p) => p.severity === 'error'));
    const comma = problems.find((p) => /comma/i.test(p.message))!;
    assert.equal(comma.range.start, source.indexOf('"properties"'));
  });

  it('ADF001: a valid file has no syntax problem, and only syntax errors are reported while it is broken', () => {
    assert.deepEqual(codesOf(pipeline([activity('Wait 1', 'Wait')])), []);
    const broken = '{"name": "p", "properties": {"activities": [{"name": "a.b", "type": "Wait"}]}';
    assert.deepEqual([...new Set(codesOf(broken))], ['ADF001']);
    assert.ok(
      codesOf(broken, { checkDespiteSyntaxErrors: true }).includes('ADF201'),
      'pipeline rules can run on the partial tree',
    );
  });

  it('ADF002: warns when the JSON holds no pipeline', () => {
    const problem = only(problemsOf({ name: 'ds', properties: { type: 'DelimitedText' } }), 'ADF002');
    assert.equal(problem.severity, 'warning');
  });

  it('ADF003: flags a duplicate property key at the second occurrence', () => {
    const source = '{"name": "p", "properties": {"activities": [], "activities": []}}';
    const problem = only(problemsOf(source), 'ADF003');
    assert.equal(problem.range.start, source.lastIndexOf('"activities"'));
    assert.equal(problem.related?.[0].range.start, source.indexOf('"activities"'));
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const source = '\ufeff' + text(pipeline([activity('Wait 1', 'Wait')])).replace(/\n/g, '\r\n');
    assert.deepEqual(validate(source), []);
  });

  it('severity overrides change or silence a code', () => {
    const source = pipeline([activity('a', 'Wait'), activity('A', 'Wait')]);
    assert.equal(only(problemsOf(source, { severities: { ADF203: 'warning' } }), 'ADF203').severity, 'warning');
    assert.deepEqual(codesOf(source, { severities: { ADF203: 'off' } }), []);
  });

  it('problem ranges cover the offending text', () => {
    const source = text(pipeline([activity('Bad/Name', 'Wait')]));
    assert.equal(covered(source, only(validate(source), 'ADF201')), '"Bad/Name"');
  });
});
