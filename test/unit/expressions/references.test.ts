import * as assert from 'node:assert/strict';
import { findReferences, nodePathAt, parseValue, walkExpression, type Span } from '../../../src/core/expressions';

function refs(value: string, includeIncomplete = false): [string, string, string, string][] {
  const at = (span: Span): string => value.slice(span.start, span.end);
  return findReferences(parseValue(value), { includeIncomplete }).map((r) => [
    r.kind,
    r.name,
    at(r.nameSpan),
    at(r.span),
  ]);
}

describe('expressions: references', () => {
  it("pipeline parameters with . and ['...'] (and ?.), with the span of the name", () => {
    assert.deepEqual(
      refs("@concat(pipeline().parameters.inputPath, pipeline().parameters['output path'], pipeline()?.parameters?.x)"),
      [
        ['parameter', 'inputPath', 'inputPath', 'pipeline().parameters.inputPath'],
        ['parameter', 'output path', 'output path', "pipeline().parameters['output path']"],
        ['parameter', 'x', 'x', 'pipeline()?.parameters?.x'],
      ],
    );
  });

  it('only the parameter name, not deeper properties, and case-insensitive property names', () => {
    assert.deepEqual(refs('@pipeline().Parameters.config.items[0]'), [
      ['parameter', 'config', 'config', 'pipeline().Parameters.config'],
    ]);
  });

  it("global parameters, including the ['GP-Int'] form", () => {
    assert.deepEqual(refs("@add(pipeline().globalParameters.GP_Int, pipeline().globalParameters['GP-Int'])"), [
      ['globalParameter', 'GP_Int', 'GP_Int', 'pipeline().globalParameters.GP_Int'],
      ['globalParameter', 'GP-Int', 'GP-Int', "pipeline().globalParameters['GP-Int']"],
    ]);
  });

  it("variables('x') and activity('X') with the span inside the quotes", () => {
    assert.deepEqual(
      refs("@{variables('counter')} @{activity('Get Metadata').output.childItems} @{Variables('a''b')}"),
      [
        ['variable', 'counter', 'counter', "variables('counter')"],
        ['activity', 'Get Metadata', 'Get Metadata', "activity('Get Metadata')"],
        ['variable', "a'b", "a''b", "Variables('a''b')"],
      ],
    );
  });

  it('item() inside other expressions', () => {
    assert.deepEqual(refs("@concat(item().name, '.csv')"), [['item', '', 'item', 'item()']]);
  });

  it('ignores names that are not fixed, and other pipeline() properties', () => {
    assert.deepEqual(refs("@pipeline().parameters[variables('key')]"), [
      ['variable', 'key', 'key', "variables('key')"],
    ]);
    assert.deepEqual(refs('@pipeline().RunId'), []);
    assert.deepEqual(refs('@pipeline().parameters'), []);
    assert.deepEqual(refs('@dataset().parameters.x'), []);
    assert.deepEqual(refs('literal text'), []);
  });

  it('skips expressions with syntax errors unless asked (the GP-Int partial tree would say GP)', () => {
    assert.deepEqual(refs('@pipeline().globalParameters.GP-Int'), []);
    assert.deepEqual(refs('@pipeline().globalParameters.GP-Int', true), [
      ['globalParameter', 'GP', 'GP', 'pipeline().globalParameters.GP'],
    ]);
  });

  it('walks every node in source order and finds the nodes at an offset', () => {
    const parsed = parseValue("@concat(activity('a').output, item())");
    const segment = parsed.segments[0];
    assert.ok(segment.kind === 'expression' && segment.node);
    const kinds: string[] = [];
    walkExpression(segment.node, (node) => {
      kinds.push(node.kind === 'call' ? node.name : node.kind);
    });
    assert.deepEqual(kinds, ['concat', 'member', 'activity', 'string', 'item']);
    const skipped: string[] = [];
    walkExpression(segment.node, (node) => {
      skipped.push(node.kind);
      return node.kind !== 'member';
    });
    assert.deepEqual(skipped, ['call', 'member', 'call']);
    const path = nodePathAt(segment.node, 18);
    assert.deepEqual(
      path.map((n) => n.kind),
      ['call', 'member', 'call', 'string'],
    );
  });
});
