import * as l10n from '@vscode/l10n';
import {
  cannotBe,
  describeType,
  declaredType,
  functionTypes,
  parameterType,
  staticTypeOf,
  walkParsedValue,
  type ExpressionNode,
  type ParsedValue,
  type StaticType,
  type TypeEnvironment,
} from '../../expressions';
import { booleanValue, propertyValue, stringValue, type JsonNode as Node } from '../../json';
import type { AdfString, ValidationContext } from '../context';
import type { ActivityInfo, DeclarationInfo, PipelineInfo } from '../pipeline-model';
import type { ValidationRule } from './rule';

/**
 * ADF510-ADF511: static types. ADF fails an activity at run time when a value's type does not fit where it
 * goes (a function argument, an If/Until condition, ForEach items, a variable); the function table's
 * signatures say what each function takes and returns. Only types known for certain are compared: values
 * from activity outputs, json(), xml and parameters of type Object never produce a report.
 */
export const typesRule: ValidationRule = {
  family: 'expressions',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      const env = typeEnvironment(pipeline);
      for (const activity of pipeline.activities) {
        for (const s of context.activityStrings(activity)) {
          const parsed = context.parsed(s);
          if (parsed.kind !== 'literal' && parsed.errors.length === 0) checkArguments(context, s, parsed, env);
        }
        checkTypedProperties(context, pipeline, activity, env);
      }
    }
  },
};

function typeOfDeclaration(declaration: DeclarationInfo | undefined): StaticType {
  return declaredType(stringValue(propertyValue(declaration?.valueNode, 'type')));
}

function typeEnvironment(pipeline: PipelineInfo): TypeEnvironment {
  return {
    parameterType: (name) => typeOfDeclaration(pipeline.parameters?.get(name.toLowerCase())),
    variableType: (name) => typeOfDeclaration(pipeline.variables?.get(name.toLowerCase())),
  };
}

/** An `int` parameter also takes a float that holds a whole number (ADF converts 2.0). */
function accepted(type: StaticType): StaticType {
  return type?.has('int') && !type.has('float') ? new Set([...type, 'float']) : type;
}

const SHORT_CIRCUIT = new Set(['and', 'or']);

function checkArguments(context: ValidationContext, s: AdfString, parsed: ParsedValue, env: TypeEnvironment): void {
  walkParsedValue(parsed, (node) => {
    if (node.kind !== 'call') return;
    const types = functionTypes(node.name);
    if (!types) return; // ADF502 reports unknown functions
    node.args.forEach((arg, index) => {
      // and() and or() stop at a first argument that decides (ADF too): the second may never be evaluated.
      if (index > 0 && SHORT_CIRCUIT.has(node.name.toLowerCase())) return;
      const expected = accepted(parameterType(types, index).type);
      const actual = staticTypeOf(arg, env);
      if (!cannotBe(actual, expected)) return;
      context.report(
        'ADF510',
        context.rangeInString(s, arg.span.start, arg.span.end),
        l10n.t(
          '{0}() expects {1} as argument {2}, but this is {3}: ADF fails the activity at run time.',
          node.name,
          describeType(expected),
          index + 1,
          describeType(actual),
        ),
      );
    });
  });
}

const BOOLEAN: StaticType = new Set(['bool']);
const ARRAY: StaticType = new Set(['array']);
const STRING: StaticType = new Set(['string']);
const INTEGER: StaticType = new Set(['int']);

/** typeProperties whose expression must have one type, per activity type (ADF REST model resultType). */
const TYPED_PROPERTIES: Readonly<Record<string, readonly [key: string, type: StaticType][]>> = {
  ifcondition: [['expression', BOOLEAN]],
  until: [['expression', BOOLEAN]],
  filter: [
    ['condition', BOOLEAN],
    ['items', ARRAY],
  ],
  foreach: [['items', ARRAY]],
  switch: [['on', STRING]],
  wait: [['waitTimeInSeconds', INTEGER]],
};

function checkTypedProperties(
  context: ValidationContext,
  pipeline: PipelineInfo,
  activity: ActivityInfo,
  env: TypeEnvironment,
): void {
  for (const [key, expected] of TYPED_PROPERTIES[activity.typeLower] ?? []) {
    const found = expressionIn(context, activity, context.typeProperty(activity, key));
    const actual = found && staticTypeOf(found.node, env);
    if (!found || !cannotBe(actual, accepted(expected))) continue;
    context.report(
      'ADF511',
      found.range,
      l10n.t(
        '{0} "{1}": {2} must be {3}, but this expression is {4}.',
        activity.type ?? l10n.t('This activity'),
        activity.name ?? '',
        key,
        describeType(expected),
        describeType(actual),
      ),
    );
  }
  if (activity.typeLower === 'setvariable' || activity.typeLower === 'appendvariable')
    checkVariableValue(context, pipeline, activity, env);
}

interface FoundExpression {
  readonly node: ExpressionNode;
  readonly range: { start: number; end: number };
}

/** The whole-value expression of a property written as `"@..."` or `{"value": "@...", "type": "Expression"}`. */
function expressionIn(
  context: ValidationContext,
  activity: ActivityInfo,
  node: Node | undefined,
): FoundExpression | undefined {
  const s = context.valueString(activity, node);
  if (!s) return undefined;
  const parsed = context.parsed(s);
  const segment = parsed.segments[0];
  if (parsed.kind !== 'expression' || parsed.errors.length || segment?.kind !== 'expression' || !segment.node)
    return undefined;
  return { node: segment.node, range: context.rangeInString(s, segment.span.start, segment.span.end) };
}

/**
 * SetVariable: ADF rejects a value whose type is not the variable's ("The variable 'x' of type 'String' cannot
 * be initialized or updated with value of type 'Integer'"). AppendVariable works on Array variables only.
 */
function checkVariableValue(
  context: ValidationContext,
  pipeline: PipelineInfo,
  activity: ActivityInfo,
  env: TypeEnvironment,
): void {
  if (booleanValue(context.typeProperty(activity, 'setSystemVariable')) === true) return;
  const name = stringValue(context.typeProperty(activity, 'variableName'));
  const declaration = name === undefined ? undefined : pipeline.variables?.get(name.toLowerCase());
  const variableType = typeOfDeclaration(declaration);
  if (!declaration || !variableType) return;
  const typeName = stringValue(propertyValue(declaration.valueNode, 'type'));
  if (activity.typeLower === 'appendvariable') {
    if (variableType.has('array')) return;
    const nameNode = context.typeProperty(activity, 'variableName');
    if (nameNode)
      context.report(
        'ADF511',
        context.rangeOf(nameNode),
        l10n.t(
          'Append Variable works on Array variables, but "{0}" is declared as {1}.',
          String(name),
          String(typeName),
        ),
      );
    return;
  }
  const found = expressionIn(context, activity, context.typeProperty(activity, 'value'));
  const actual = found && staticTypeOf(found.node, env);
  if (!found || !cannotBe(actual, variableType)) return;
  context.report(
    'ADF511',
    found.range,
    l10n.t(
      'Variable "{0}" is declared as {1}, but this expression is {2}: ADF fails the Set Variable at run time.',
      String(name),
      String(typeName),
      describeType(actual),
    ),
  );
}
