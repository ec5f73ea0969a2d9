import * as assert from 'node:assert/strict';
import {
  parseExpression,
  parseValue,
  type ExpressionNode,
  type ExpressionSegment,
  type ParsedValue,
  type Span,
} from '../../../src/core/expressions';

/** The source text a span covers. */
function at(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function onlyExpression(parsed: ParsedValue): ExpressionSegment {
  assert.equal(parsed.segments.length, 1);
  const segment = parsed.segments[0];
  assert.equal(segment.kind, 'expression');
  return segment as ExpressionSegment;
}

/** A compact rendering of a tree: calls as name(args), members as .name / ?.name, literals as JSON. */
function show(node: ExpressionNode | undefined): string {
  if (!node) return '<none>';
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'member':
      return `${show(node.object)}${node.optional ? '?.' : '.'}${node.name}`;
    case 'index':
      return `${show(node.object)}${node.optional ? '?' : ''}[${show(node.index)}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return `${node.raw}${node.integer ? 'i' : 'f'}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

function parseOk(value: string): ExpressionNode {
  const parsed = parseValue(value);
  assert.deepEqual(parsed.errors, [], `unexpected errors for ${value}`);
  const segment = onlyExpression(parsed);
  assert.ok(segment.complete);
  return segment.node as ExpressionNode;
}

function firstError(value: string): { code: string; message: string; text: string; span: Span } {
  const parsed = parseValue(value);
  assert.ok(parsed.errors.length > 0, `expected an error for ${value}`);
  const error = parsed.errors[0];
  return { code: error.code, message: error.message, text: at(value, error.span), span: error.span };
}

describe('expressions: classifying values', () => {
  it('plain strings are literals, including @ in the middle (emails, OData keys)', () => {
    for (const value of [
      '',
      'parameters',
      'parameters[1]',
      ' @',
      'me@contoso.com',
      'Account@odata.bind',
      'x@EntityReference',
      'a @ b',
    ]) {
      const parsed = parseValue(value);
      assert.equal(parsed.kind, 'literal', value);
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.segments, [{ kind: 'literal', value, span: { start: 0, end: value.length } }]);
    }
  });

  it('@@ at the start escapes one @ and makes the whole value literal', () => {
    assert.deepEqual(parseValue('@@'), {
      kind: 'literal',
      segments: [{ kind: 'literal', value: '@', span: { start: 0, end: 2 } }],
      errors: [],
    });
    const parsed = parseValue('@@{pipeline().RunId} @{x}');
    assert.equal(parsed.kind, 'literal');
    assert.equal((parsed.segments[0] as { value: string }).value, '@{pipeline().RunId} @{x}');
  });

  it('a value starting with @ is one whole expression whose body follows the @', () => {
    const value = '@pipeline().parameters.myString';
    const parsed = parseValue(value);
    assert.equal(parsed.kind, 'expression');
    const segment = onlyExpression(parsed);
    assert.equal(segment.interpolated, false);
    assert.deepEqual(segment.span, { start: 0, end: value.length });
    assert.equal(at(value, segment.bodySpan), 'pipeline().parameters.myString');
    assert.equal(show(segment.node), 'pipeline().parameters.myString');
  });

  it('@{...} interpolates: literal and expression segments with exact spans', () => {
    const value = 'First Name: @{pipeline().parameters.firstName} Last Name: @{pipeline().parameters.lastName}';
    const parsed = parseValue(value);
    assert.equal(parsed.kind, 'interpolated');
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.segments.map((s) => [s.kind, at(value, s.span)]),
      [
        ['literal', 'First Name: '],
        ['expression', '@{pipeline().parameters.firstName}'],
        ['literal', ' Last Name: '],
        ['expression', '@{pipeline().parameters.lastName}'],
      ],
    );
    const second = parsed.segments[3] as ExpressionSegment;
    assert.equal(second.interpolated, true);
    assert.equal(at(value, second.bodySpan), 'pipeline().parameters.lastName');
  });

  it('a value that is only @{...} is interpolated (its result is a string)', () => {
    const parsed = parseValue('@{pipeline().parameters.myNumber}');
    assert.equal(parsed.kind, 'interpolated');
    assert.equal(parsed.segments.length, 1);
  });

  it('@@{ inside text is a literal @{, and a value with only escapes stays literal', () => {
    const value = 'Answer is: @@{pipeline().parameters.myNumber}';
    const parsed = parseValue(value);
    assert.equal(parsed.kind, 'literal');
    assert.deepEqual(parsed.segments, [
      { kind: 'literal', value: 'Answer is: @{pipeline().parameters.myNumber}', span: { start: 0, end: value.length } },
    ]);

    const mixed = 'a@@{b}c@{d()}e';
    const parsedMixed = parseValue(mixed);
    assert.equal(parsedMixed.kind, 'interpolated');
    assert.deepEqual(
      parsedMixed.segments.map((s) => (s.kind === 'literal' ? s.value : show(s.node))),
      ['a@{b}c', 'd()', 'e'],
    );
    assert.equal(at(mixed, parsedMixed.segments[0].span), 'a@@{b}c');
  });

  it('braces and @{ inside quoted strings do not end or start an interpolation', () => {
    const value = "x@{concat('}', '@{y}', '''}''')}z";
    const parsed = parseValue(value);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.segments.map((s) => (s.kind === 'literal' ? s.value : show(s.node))),
      ['x', 'concat("}", "@{y}", "\'}\'")', 'z'],
    );
  });

  it('JSON text inside an interpolated value (the dynamic content editor form)', () => {
    const value = '{ \n  "type": "@{if(equals(1, 2), \'Blob\', \'Table\' )}",\n  "name": "@{toUpper(\'myData\')}"\n}';
    const parsed = parseValue(value);
    assert.deepEqual(parsed.errors, []);
    const expressions = parsed.segments.filter((s): s is ExpressionSegment => s.kind === 'expression');
    assert.deepEqual(
      expressions.map((s) => show(s.node)),
      ['if(equals(1i, 2i), "Blob", "Table")', 'toUpper("myData")'],
    );
  });
});

describe('expressions: syntax', () => {
  it('function calls, nested, with any letter case kept as written', () => {
    assert.equal(
      show(parseOk("@concat('Test_', formatDateTime(utcnow(), 'yyyy-dd-MM'))")),
      'concat("Test_", formatDateTime(utcnow(), "yyyy-dd-MM"))',
    );
    assert.equal(show(parseOk("@CONCAT('a')")), 'CONCAT("a")');
  });

  it("string literals: '' escapes a quote; spans include the quotes", () => {
    const value = "@concat('Baba', '''s ', 'book store')";
    const node = parseOk(value);
    assert.equal(show(node), 'concat("Baba", "\'s ", "book store")');
    assert.ok(node.kind === 'call');
    assert.equal(at(value, node.args[1].span), "'''s '");
    assert.equal(show(parseOk("@''")), '""');
    assert.equal(show(parseOk("@''''")), '"\'"');
  });

  it('numbers: integers, floats, exponents and signs, with int vs float kept', () => {
    assert.equal(show(parseOk('@add(1, 1.5)')), 'add(1i, 1.5f)');
    assert.equal(show(parseOk('@createArray(-5, +3, 1e3, 2.5E-2, 0)')), 'createArray(-5i, +3i, 1e3f, 2.5E-2f, 0i)');
    const node = parseOk('@-12');
    assert.ok(node.kind === 'number');
    assert.equal(node.value, -12);
  });

  it('true, false and null in any letter case', () => {
    assert.equal(show(parseOk('@createArray(true, FALSE, Null)')), 'createArray(true, false, null)');
  });

  it('member access with . and ?., index access with [...] and ?[...]', () => {
    assert.equal(
      show(parseOk("@activity('Look up').output.firstRow?.Name")),
      'activity("Look up").output.firstRow?.Name',
    );
    assert.equal(show(parseOk("@pipeline().parameters['my param']")), 'pipeline().parameters["my param"]');
    assert.equal(show(parseOk("@activity('a').output?['value'][0]")), 'activity("a").output?["value"][0i]');
    assert.equal(
      show(parseOk("@activity('a').output.value[sub(length(activity('a').output.value), 1)].id")),
      'activity("a").output.value[sub(length(activity("a").output.value), 1i)].id',
    );
  });

  it('spans of calls, names and members are exact', () => {
    const value = "@activity('Web1').output.data";
    const node = parseOk(value);
    assert.ok(node.kind === 'member');
    assert.equal(at(value, node.span), "activity('Web1').output.data");
    assert.equal(at(value, node.nameSpan), 'data');
    const output = node.object;
    assert.ok(output.kind === 'member');
    assert.equal(at(value, output.span), "activity('Web1').output");
    const call = output.object;
    assert.ok(call.kind === 'call');
    assert.equal(at(value, call.nameSpan), 'activity');
    assert.equal(at(value, call.span), "activity('Web1')");
    assert.equal(at(value, call.args[0].span), "'Web1'");
  });

  it('whitespace between tokens is allowed, including newlines', () => {
    assert.equal(show(parseOk("@ concat( 'a' ,\n\t'b' ) ")), 'concat("a", "b")');
    assert.equal(show(parseOk('@pipeline() . parameters . x')), 'pipeline().parameters.x');
  });

  it('interpolations can hold any expression, several per value', () => {
    const value = "@{pipeline().RunId}/@{formatDateTime(utcnow(), 'yyyy/MM/dd')}/@{item().name}.csv";
    const parsed = parseValue(value);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.segments.map((s) => (s.kind === 'literal' ? s.value : show(s.node))),
      ['pipeline().RunId', '/', 'formatDateTime(utcnow(), "yyyy/MM/dd")', '/', 'item().name', '.csv'],
    );
  });

  it('parseExpression parses bare expression text with offsets into it', () => {
    const parsed = parseExpression("xx concat('a')", 3);
    assert.deepEqual(parsed.errors, []);
    assert.equal(show(parsed.node), 'concat("a")');
    assert.deepEqual(parsed.node?.span, { start: 3, end: 14 });
  });
});

describe('expressions: errors pinpointed', () => {
  it("a dash after a dotted name (corpus: GP-Int) is reported with a fix to use ['...']", () => {
    const value = '@pipeline().globalParameters.GP-Int';
    const parsed = parseValue(value);
    assert.equal(parsed.errors.length, 1);
    const [error] = parsed.errors;
    assert.equal(error.code, 'unexpected-character');
    assert.deepEqual(error.span, { start: 31, end: 32 });
    assert.equal(at(value, error.span), '-');
    assert.match(error.message, /^Unexpected '-'/);
    assert.match(error.message, /\['GP-Int'\]/);
    assert.ok(error.fix);
    assert.equal(at(value, error.fix.span), '.GP-Int');
    assert.equal(error.fix.replacement, "['GP-Int']");
    const fixed = value.slice(0, error.fix.span.start) + error.fix.replacement + value.slice(error.fix.span.end);
    assert.equal(fixed, "@pipeline().globalParameters['GP-Int']");
    assert.deepEqual(parseValue(fixed).errors, []);
  });

  it('the dash fix also applies after ?. and inside arguments and interpolations', () => {
    const optional = firstError('@pipeline()?.parameters?.my-param');
    assert.equal(optional.text, '-');
    const inArgs = parseValue("@concat(pipeline().parameters.a-1, 'x')");
    assert.equal(inArgs.errors[0].fix?.replacement, "['a-1']");
    const interpolated = 'x @{pipeline().parameters.file-name} y';
    const error = parseValue(interpolated).errors[0];
    assert.equal(at(interpolated, error.span), '-');
    assert.equal(at(interpolated, error.fix!.span), '.file-name');
  });

  it('unterminated string: from the quote to the end', () => {
    const error = firstError("@concat('abc, 'x')");
    // The string runs from the first quote to just before the second, then `x')` follows.
    assert.equal(error.code, 'unexpected-token');
    const unterminated = firstError("@concat('abc)");
    assert.equal(unterminated.code, 'unterminated-string');
    assert.equal(unterminated.text, "'abc)");
  });

  it("missing ')' points at the unclosed call", () => {
    const error = firstError("@concat('a', toUpper('b')");
    assert.equal(error.code, 'missing-close-paren');
    assert.equal(error.text, 'concat(');
    assert.match(error.message, /Missing '\)' to close 'concat\('/);
  });

  it("missing ']' points at the '['", () => {
    const error = firstError("@pipeline().parameters['x'");
    assert.equal(error.code, 'missing-close-bracket');
    assert.equal(error.text, '[');
  });

  it('empty expressions: a lone @ and @{}', () => {
    const lone = firstError('@');
    assert.equal(lone.code, 'empty-expression');
    assert.deepEqual(lone.span, { start: 0, end: 1 });
    const blank = firstError('@   ');
    assert.equal(blank.code, 'empty-expression');
    const value = 'a @{ } b';
    const empty = firstError(value);
    assert.equal(empty.code, 'empty-expression');
    assert.equal(empty.text, '@{ }');
  });

  it('unterminated interpolation points at @{', () => {
    const value = 'path/@{pipeline().RunId';
    const parsed = parseValue(value);
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0].code, 'unterminated-interpolation');
    assert.equal(at(value, parsed.errors[0].span), '@{');
    const segment = parsed.segments[1] as ExpressionSegment;
    assert.equal(segment.complete, false);
    assert.equal(show(segment.node), 'pipeline().RunId');
  });

  it('trailing garbage after a complete expression', () => {
    const error = firstError('@pipeline().RunId}');
    assert.equal(error.code, 'unexpected-character');
    assert.equal(error.text, '}');
    assert.match(error.message, /after the end of the expression/);
    const extra = firstError("@toUpper('a') toLower('b')");
    assert.equal(extra.code, 'unexpected-token');
    assert.equal(extra.text, 'toLower');
  });

  it('a name without ( is not an expression', () => {
    const error = firstError('@pipeline.parameters.x');
    assert.equal(error.code, 'expected-call');
    assert.equal(error.text, 'pipeline');
  });

  it('missing comma between arguments', () => {
    const error = firstError("@concat('a' 'b')");
    assert.equal(error.code, 'unexpected-token');
    assert.equal(error.text, "'b'");
    assert.match(error.message, /expected ',' or '\)'/);
  });

  it('a missing argument after a comma points at the comma', () => {
    const error = firstError("@concat('a',");
    assert.equal(error.code, 'expected-value');
    assert.equal(error.text, ',');
    const twoCommas = firstError("@concat('a',,'b')");
    assert.equal(twoCommas.code, 'expected-value');
    assert.deepEqual(twoCommas.span, { start: 12, end: 13 });
  });

  it('a number after . suggests [n]', () => {
    const value = "@activity('a').output.value.0";
    const error = parseValue(value).errors[0];
    assert.equal(error.code, 'expected-property-name');
    assert.equal(at(value, error.span), '0');
    assert.equal(error.fix?.replacement, '[0]');
    assert.equal(at(value, error.fix!.span), '.0');
  });

  it('a dangling . or ? is reported', () => {
    assert.equal(firstError('@pipeline().').code, 'expected-property-name');
    assert.equal(firstError('@pipeline().').text, '.');
    const question = firstError('@pipeline()?parameters');
    assert.equal(question.code, 'expected-accessor');
    assert.equal(question.text, '?');
  });

  it('double quotes get a hint about single quotes', () => {
    const error = firstError('@concat("a", "b")');
    assert.equal(error.text, '"');
    assert.match(error.message, /single quotes/);
  });

  it('an unknown character inside arguments', () => {
    const error = firstError('@add(1 + 2)');
    assert.equal(error.text, '+');
    assert.equal(error.code, 'unexpected-character');
  });

  it('keeps the partial tree up to the error', () => {
    const parsed = parseValue("@concat(activity('x').output, toUpper(");
    const segment = onlyExpression(parsed);
    assert.equal(segment.complete, false);
    assert.equal(show(segment.node), 'concat(activity("x").output, toUpper())');
  });

  it('reports very deep nesting instead of overflowing the stack', () => {
    const deep = '@' + 'string('.repeat(5000) + "'x'" + ')'.repeat(5000);
    const parsed = parseValue(deep);
    assert.equal(parsed.errors[0].code, 'too-deeply-nested');
    const fine = '@' + 'string('.repeat(100) + "'x'" + ')'.repeat(100);
    assert.deepEqual(parseValue(fine).errors, []);
  });

  it('errors in several interpolations are all reported', () => {
    const value = "a @{concat('x'} b @{} c";
    const parsed = parseValue(value);
    assert.deepEqual(
      parsed.errors.map((e) => [e.code, at(value, e.span)]),
      [
        ['missing-close-paren', 'concat('],
        ['empty-expression', '@{}'],
      ],
    );
  });
});
