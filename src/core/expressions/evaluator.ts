// Evaluates parsed ADF expressions against a run's context (pipeline(), variables(), activity(), item()).
// Whole `@...` values keep their type; `@{...}` interpolations give strings, with values written as ADF
// writes them (True/False, compact JSON for arrays and objects).
import { randomUUID } from 'node:crypto';
import type { CallNode, ExpressionNode, IndexNode, MemberNode, ParsedValue } from './ast';
import {
  checkTextSize,
  checkValueSize,
  DEFAULT_EVALUATION_BUDGET,
  sizeInSteps,
  stringTooLong,
  type EvaluationBudget,
} from './budget';
import type { EvaluationContext } from './evaluation-context';
import { readIndex, readProperty } from './accessors';
import { EvaluationError } from './evaluation-error';
import { describeArity, FUNCTIONS, lookupFunction, type FunctionInfo } from './functions';
import { COLLECTION_FUNCTIONS } from './functions-collection';
import { CONVERSION_FUNCTIONS } from './functions-conversion';
import { DATE_FUNCTIONS } from './functions-date';
import { LOGICAL_FUNCTIONS } from './functions-logical';
import { MATH_FUNCTIONS } from './functions-math';
import { STRING_FUNCTIONS } from './functions-string';
import { XML_FUNCTIONS } from './functions-xml';
import type { CallEnvironment, FunctionImplementation } from './function-types';
import type { ExpressionMemo } from './parse-memo';
import { parseValue } from './parser';
import {
  asNumber,
  describeValue,
  formatNumber,
  fromExactInteger,
  makeNumber,
  toAdfString,
  toPlainValue,
  type JsonValue,
  type Value,
} from './values';

const IMPLEMENTATIONS = new Map<string, FunctionImplementation>(
  Object.entries({
    ...STRING_FUNCTIONS,
    ...COLLECTION_FUNCTIONS,
    ...LOGICAL_FUNCTIONS,
    ...CONVERSION_FUNCTIONS,
    ...MATH_FUNCTIONS,
    ...DATE_FUNCTIONS,
    ...XML_FUNCTIONS,
  }).map(([name, implementation]) => [name.toLowerCase(), implementation]),
);

const SYSTEM_FUNCTIONS = new Set(['pipeline', 'activity', 'variables', 'item', 'dataset', 'linkedservice', 'trigger']);

/** Every function the evaluator runs (documented spelling), system functions included. */
export const SUPPORTED_FUNCTIONS: readonly string[] = FUNCTIONS.filter((f) => isSupportedFunction(f.name)).map(
  (f) => f.name,
);

/** Whether the evaluator can run a function (any letter case). */
export function isSupportedFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPLEMENTATIONS.has(lower) || SYSTEM_FUNCTIONS.has(lower);
}

/**
 * The value of a parsed JSON string value: the literal text, the typed result of an `@...` expression, or
 * the string built from `@{...}` interpolations. Throws EvaluationError (syntax errors included).
 */
export function evaluate(parsed: ParsedValue, context: EvaluationContext = {}): JsonValue {
  const [firstError] = parsed.errors;
  if (firstError)
    throw new EvaluationError('syntax-error', `invalid expression: ${firstError.message}`, firstError.span);
  return guarded(() => {
    const evaluator = new Evaluator(context);
    if (parsed.kind === 'expression') {
      const [segment] = parsed.segments;
      return toPlainValue(segment.kind === 'expression' && segment.node ? evaluator.evaluate(segment.node) : null);
    }
    let text = '';
    for (const segment of parsed.segments) {
      if (segment.kind === 'literal') text += segment.value;
      else if (segment.node) text += evaluator.text(segment.node);
      evaluator.checkInterpolation(text);
    }
    return text;
  });
}

/** The value of one expression tree (no `@`), e.g. from parseExpression(). */
export function evaluateNode(node: ExpressionNode, context: EvaluationContext = {}): JsonValue {
  return guarded(() => toPlainValue(new Evaluator(context).evaluate(node)));
}

/**
 * Runs an evaluation so that it throws only EvaluationError: the JavaScript engine's own limits (stack depth,
 * string length) become budget errors, anything else an invalid-argument error, never a raw exception.
 */
function guarded<T>(evaluation: () => T): T {
  try {
    return evaluation();
  } catch (error) {
    if (error instanceof EvaluationError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /call stack/i.test(message)) {
      throw new EvaluationError(
        'budget-exceeded',
        'the expression or a value it reads is nested too deeply to evaluate',
      );
    }
    if (error instanceof RangeError)
      throw new EvaluationError('budget-exceeded', `a value grew beyond what the engine can hold (${message})`);
    throw new EvaluationError('invalid-argument', `the expression cannot be evaluated: ${message}`);
  }
}

/**
 * Parses and evaluates one JSON string value; errors quote the value. `memo` keeps the parses of a caller that
 * evaluates the same strings again (an engine run); without it the string is parsed here.
 */
export function evaluateString(value: string, context: EvaluationContext = {}, memo?: ExpressionMemo): JsonValue {
  if (!value.includes('@')) return value;
  try {
    return evaluate(memo ? memo.parse(value) : parseValue(value), context);
  } catch (error) {
    throw error instanceof EvaluationError ? error.in(value) : error;
  }
}

/**
 * Deep evaluation of a JSON value as written in a pipeline: every string is evaluated (expressions and
 * interpolations become their values), arrays and objects member by member, other values stay as they are.
 */
export function evaluateValue(value: unknown, context: EvaluationContext = {}, memo?: ExpressionMemo): JsonValue {
  return guarded(() => evaluateMembers(value, context, memo));
}

function evaluateMembers(value: unknown, context: EvaluationContext, memo: ExpressionMemo | undefined): JsonValue {
  if (typeof value === 'string') return evaluateString(value, context, memo);
  if (Array.isArray(value)) return value.map((item) => evaluateMembers(item, context, memo));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value))
      if (item !== undefined) result[key] = evaluateMembers(item, context, memo);
    return result;
  }
  return toPlainValue(value);
}

class Evaluator {
  private readonly environment: Omit<CallEnvironment, 'name'>;
  private readonly budget: EvaluationBudget;
  private steps = 0;

  constructor(private readonly context: EvaluationContext) {
    this.budget = { ...DEFAULT_EVALUATION_BUDGET, ...context.budget };
    this.environment = {
      context,
      now: context.now ?? (() => new Date()),
      random: context.random ?? Math.random,
      newGuid: context.newGuid ?? randomUUID,
      budget: this.budget,
    };
  }

  evaluate(node: ExpressionNode): Value {
    this.spend(1);
    switch (node.kind) {
      case 'string':
        return node.value;
      case 'number':
        return node.integer && !Number.isSafeInteger(node.value)
          ? integerLiteral(node.raw, node.value)
          : makeNumber(node.value, !node.integer);
      case 'boolean':
        return node.value;
      case 'null':
        return null;
      case 'call':
        return this.call(node);
      case 'member':
      case 'index':
        return this.accessChain(node);
    }
  }

  /** The text an `@{...}` interpolation inserts, checked against the size budget before it is built. */
  text(node: ExpressionNode): string {
    const value = this.evaluate(node);
    if (typeof value === 'object' && value !== null) checkTextSize(value, this.budget);
    return toAdfString(value);
  }

  checkInterpolation(text: string): void {
    if (text.length > this.budget.maxStringLength)
      throw stringTooLong(text.length, this.budget, 'the interpolated string');
  }

  private spend(steps: number): void {
    this.steps += steps;
    if (this.steps > this.budget.maxSteps) {
      throw new EvaluationError(
        'budget-exceeded',
        `the expression needs more than the engine's limit of ${this.budget.maxSteps.toLocaleString('en-US')} evaluation steps`,
      );
    }
  }

  /** `a.b[c]?.d`: evaluated in a loop rather than by recursion, so a long chain cannot overflow the stack. */
  private accessChain(node: MemberNode | IndexNode): Value {
    const links: (MemberNode | IndexNode)[] = [];
    let base: ExpressionNode = node;
    while (base.kind === 'member' || base.kind === 'index') {
      links.push(base);
      base = base.object;
    }
    let value = this.evaluate(base);
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i];
      this.spend(1);
      value = link.kind === 'member' ? readProperty(value, link.name, link.optional, link) : this.index(value, link);
    }
    return value;
  }

  private call(node: CallNode): Value {
    const lower = node.name.toLowerCase();
    const info = lookupFunction(node.name);
    if (SYSTEM_FUNCTIONS.has(lower)) {
      this.checkArity(node, info as FunctionInfo);
      return this.system(lower, node);
    }
    const implementation = IMPLEMENTATIONS.get(lower);
    if (!implementation) {
      if (info) {
        throw new EvaluationError(
          'unsupported-function',
          `The function '${node.name}' is not supported by the local evaluator`,
          node.nameSpan,
          node.name,
        );
      }
      throw new EvaluationError(
        'unknown-function',
        `'${node.name}' is not a known ADF expression function`,
        node.nameSpan,
        node.name,
      );
    }
    this.checkArity(node, implementation);
    const env: CallEnvironment = { ...this.environment, name: node.name };
    try {
      let result: Value;
      if (implementation.lazy)
        result = implementation.call(
          node.args.map((arg) => () => this.evaluate(arg)),
          env,
        );
      else {
        const args = node.args.map((arg) => this.evaluate(arg));
        this.spend(args.reduce((sum: number, arg) => sum + sizeInSteps(arg), 0));
        result = implementation.call(args, env);
      }
      this.checkResult(result, node);
      return result;
    } catch (error) {
      if (error instanceof EvaluationError) throw error.at(node.span, node.name);
      throw new EvaluationError(
        'invalid-argument',
        `${node.name}() failed: ${error instanceof Error ? error.message : String(error)}`,
        node.span,
        node.name,
      );
    }
  }

  /** Results must fit the size budget and be finite numbers (ADF fails on division by zero, not NaN). */
  private checkResult(result: Value, node: CallNode): void {
    checkValueSize(result, this.budget);
    this.spend(sizeInSteps(result));
    const number = asNumber(result);
    if (number && !Number.isFinite(number.value)) {
      throw new EvaluationError(
        'invalid-argument',
        `${node.name}() gives ${formatNumber(number)}, which is not a number ADF can represent`,
        node.span,
        node.name,
      );
    }
  }

  private checkArity(node: CallNode, arity: Pick<FunctionInfo, 'minArgs' | 'maxArgs'>): void {
    const count = node.args.length;
    if (count >= arity.minArgs && (arity.maxArgs === undefined || count <= arity.maxArgs)) return;
    const expected = describeArity({ ...arity } as FunctionInfo);
    throw new EvaluationError(
      'argument-count',
      `${node.name}() takes ${expected} argument${expected === '1' || expected === 'at least 1' ? '' : 's'}, not ${count}`,
      node.span,
      node.name,
    );
  }

  private system(lower: string, node: CallNode): Value {
    const context = this.context;
    switch (lower) {
      case 'pipeline':
        return this.require(context.pipeline, node, 'pipeline() is not available here (no pipeline run context)');
      case 'activity': {
        const name = this.nameArgument(node);
        const result = context.activity?.(name);
        if (result === undefined) {
          throw new EvaluationError(
            'unknown-activity',
            `activity('${name}') has no result here: no activity of that name ran before this one`,
            node.span,
            node.name,
          );
        }
        return result;
      }
      case 'variables': {
        const name = this.nameArgument(node);
        const value = context.variables?.(name);
        if (value === undefined)
          throw new EvaluationError(
            'undefined-variable',
            `variables('${name}'): the pipeline has no variable named '${name}'`,
            node.span,
            node.name,
          );
        return value;
      }
      case 'item':
        if (!context.item)
          throw new EvaluationError(
            'item-outside-foreach',
            'item() is only available inside a ForEach (or a Filter condition)',
            node.span,
            node.name,
          );
        return context.item();
      case 'dataset':
        return this.require(context.dataset?.(), node, 'dataset() is only available inside a dataset definition');
      case 'linkedservice':
        return this.require(
          context.linkedService?.(),
          node,
          'linkedService() is only available inside a linked service definition',
        );
      default:
        return this.require(context.trigger?.(), node, 'trigger() is only available in a run started by a trigger');
    }
  }

  private require(value: unknown, node: CallNode, reason: string): Value {
    if (value === undefined) throw new EvaluationError('missing-context', reason, node.span, node.name);
    return value;
  }

  private nameArgument(node: CallNode): string {
    const value = this.evaluate(node.args[0]);
    if (typeof value !== 'string') {
      throw new EvaluationError(
        'invalid-argument',
        `${node.name}() expects a name (a string), not ${describeValue(value)}`,
        node.args[0].span,
        node.name,
      );
    }
    return value;
  }

  private index(target: Value, node: IndexNode): Value {
    if ((target === null || target === undefined) && node.optional) return null;
    return readIndex(target, this.evaluate(node.index), node);
  }
}

/** An integer literal beyond 2^53 keeps every digit (ADF integers are 64-bit); beyond 64 bits it is a double. */
function integerLiteral(raw: string, approximate: number): Value {
  return /^[+-]?\d+$/.test(raw) ? (fromExactInteger(BigInt(raw)) ?? approximate) : approximate;
}
