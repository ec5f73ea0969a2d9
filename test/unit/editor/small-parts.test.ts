import * as assert from 'node:assert/strict';
import { typingDebounceMs, typingDelayMs } from '../../../src/core/editor-support/debounce';
import { LatestVersionGate } from '../../../src/core/editor-support/latest-wins';
import { problemFixes } from '../../../src/core/editor-support/problem-fixes';
import { ruleHeadingLine, ruleHeadingLines } from '../../../src/core/editor-support/rule-docs';
import {
  declarationHoverMarkdown,
  functionHoverMarkdown,
  functionSnippet,
} from '../../../src/core/editor-support/expression-help';
import { lookupFunction } from '../../../src/core/expressions';
import type { Problem } from '../../../src/core/validator';

describe('editor: small parts', () => {
  it('a result for an older document version never replaces a newer one', () => {
    const gate = new LatestVersionGate();
    assert.equal(gate.accept('a', 3), true);
    assert.equal(gate.accept('a', 2), false);
    assert.equal(gate.accept('a', 3), true, 'the same version again (a re-validation) is fine');
    assert.equal(gate.accept('b', 1), true, 'documents are independent');
    gate.forget('a');
    assert.equal(gate.accept('a', 1), true, 'a reopened document starts over');
  });

  it('the typing pause follows the cost of the last validation, within bounds', () => {
    assert.equal(typingDebounceMs(undefined), 50);
    assert.equal(typingDebounceMs(8), 50);
    assert.equal(typingDebounceMs(60), 120);
    assert.equal(typingDebounceMs(5000), 400);
  });

  it('a keystroke after a quiet spell validates at once; one inside a burst waits for the typing to pause', () => {
    assert.equal(typingDelayMs({ waiting: false }), 0, 'the first edit of a document');
    assert.equal(typingDelayMs({ lastValidationMs: 8, sinceLastValidationMs: 500, waiting: false }), 0);
    assert.equal(typingDelayMs({ lastValidationMs: 8, sinceLastValidationMs: 50, waiting: false }), 0);
    assert.equal(
      typingDelayMs({ lastValidationMs: 8, sinceLastValidationMs: 20, waiting: false }),
      50,
      'inside the window of the last validation',
    );
    assert.equal(
      typingDelayMs({ lastValidationMs: 8, sinceLastValidationMs: 500, waiting: true }),
      50,
      'a validation already waits for the burst to end: it is put off again',
    );
    assert.equal(
      typingDelayMs({ lastValidationMs: 100, sinceLastValidationMs: 150, waiting: false }),
      200,
      'a slow document gets a longer window (twice its validation)',
    );
    assert.equal(typingDelayMs({ lastValidationMs: 100, sinceLastValidationMs: 200, waiting: false }), 0);
  });

  it('finds the docs/rules.md heading of a code', () => {
    const page =
      '# Rules\n\nintro ADF301\n\n## ADF301 unknown-dependency\n\ntext\n\n### `ADF505` undeclared-parameter\n';
    assert.equal(ruleHeadingLine(page, 'ADF301'), 4);
    assert.equal(ruleHeadingLine(page, 'ADF505'), 8);
    assert.equal(ruleHeadingLine(page, 'ADF999'), undefined);
    assert.deepEqual(
      [...ruleHeadingLines(page)],
      [
        ['ADF301', 4],
        ['ADF505', 8],
      ],
    );
  });

  it('matches a diagnostic back to its problem by code and range, then message', () => {
    const fix = (title: string) => ({ title, edits: [{ range: { start: 1, end: 2 }, newText: 'x' }] });
    const problems: Problem[] = [
      { code: 'ADF301', severity: 'error', message: 'm1', range: { start: 10, end: 20 }, fix: fix('rename') },
      { code: 'ADF301', severity: 'error', message: 'm2', range: { start: 30, end: 40 }, fix: fix('other') },
      { code: 'ADF508', severity: 'error', message: 'm3', range: { start: 10, end: 20 } },
    ];
    assert.deepEqual(
      problemFixes(problems, 'ADF301', { start: 10, end: 20 }, 'm1').map((f) => [f.title, f.preferred]),
      [['rename', true]],
    );
    assert.deepEqual(problemFixes(problems, 'ADF508', { start: 10, end: 20 }), []);
    assert.deepEqual(problemFixes(problems, 'ADF301', { start: 11, end: 20 }), []);
  });

  it('hover and completion texts', () => {
    const concat = lookupFunction('CONCAT');
    assert.ok(concat);
    assert.match(
      functionHoverMarkdown(concat),
      /^```\nconcat\(text1: any, text2: any, \.\.\.\): string \| array\n```\n\nCombine two or more strings/,
    );
    assert.equal(functionSnippet(concat), 'concat($1)');
    assert.equal(functionSnippet(lookupFunction('pipeline') ?? concat), 'pipeline()');
    const text = declarationHoverMarkdown('parameter', {
      name: 'poll',
      type: 'int',
      hasDefault: true,
      defaultValue: 120,
      node: undefined as never,
    });
    assert.equal(text, '**parameter** `poll`: int\n\ndefault: `120`');
  });
});
