import * as l10n from '@vscode/l10n';
import {
  type JsonNode as Node,
  arrayItems,
  keyOf,
  objectEntries,
  propertyNode,
  propertyValue,
  stringValue,
} from '../../json';
import {
  ACTIVITY_TYPE_MODELS,
  EXTRA_ENUM_VALUES,
  PARAMETER_TYPES,
  VARIABLE_TYPES,
  WEB_METHODS,
  activityTypeModel,
  matchEnum,
  type PropertyModel,
} from '../../adf-model';
import { isArmExpression } from '../arm';
import type { ValidationContext } from '../context';
import type { ActivityInfo, ActivityScope, PipelineInfo } from '../pipeline-model';
import { closestName } from '../suggest';
import type { ValidationRule } from './rule';

/** typeProperties the web rule reports with its own codes (ADF601/ADF602). */
const OWNED_ELSEWHERE: Readonly<Record<string, ReadonlySet<string>>> = { webactivity: new Set(['url', 'method']) };

/** ADF101-ADF104: required properties, JSON kinds, activity types and enum values from the REST model. */
export const structureRule: ValidationRule = {
  family: 'structure',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) checkPipeline(context, pipeline);
  },
};

function checkPipeline(context: ValidationContext, pipeline: PipelineInfo): void {
  if (!pipeline.properties) {
    const props = propertyValue(pipeline.node, 'properties');
    if (!props)
      context.report('ADF101', headRange(context, pipeline.node), l10n.t('The pipeline has no "properties" object.'));
    else if (!isDynamic(pipeline, props))
      context.report('ADF102', context.rangeOf(props), l10n.t('"properties" must be an object.'));
    return;
  }
  const activities = propertyValue(pipeline.properties, 'activities');
  if (activities && activities.type !== 'array' && !isDynamic(pipeline, activities)) {
    context.report('ADF102', context.rangeOf(activities), l10n.t('"activities" must be an array of activities.'));
  }
  checkDeclarations(context, pipeline, 'parameters', PARAMETER_TYPES);
  checkDeclarations(context, pipeline, 'variables', VARIABLE_TYPES);
  if (pipeline.root) checkScope(context, pipeline, pipeline.root);
  for (const activity of pipeline.activities) checkActivity(context, activity);
}

function checkDeclarations(
  context: ValidationContext,
  pipeline: PipelineInfo,
  key: 'parameters' | 'variables',
  types: readonly string[],
): void {
  const node = key === 'parameters' ? pipeline.parametersNode : pipeline.variablesNode;
  if (!node) return;
  if (node.type !== 'object') {
    if (!isDynamic(pipeline, node))
      context.report('ADF102', context.rangeOf(node), l10n.t('"{0}" must be an object of declarations.', key));
    return;
  }
  const what = key === 'parameters' ? l10n.t('Parameter') : l10n.t('Variable');
  const whatLower = key === 'parameters' ? l10n.t('parameter') : l10n.t('variable');
  for (const [name, keyNode, value] of objectEntries(node)) {
    if (value.type !== 'object') {
      if (!isDynamic(pipeline, value))
        context.report(
          'ADF102',
          context.rangeOf(value),
          l10n.t('{0} "{1}" must be an object with a "type".', what, name),
        );
      continue;
    }
    const typeNode = propertyValue(value, 'type');
    const type = stringValue(typeNode);
    if (!typeNode) {
      context.report('ADF101', context.rangeOf(keyNode), l10n.t('{0} "{1}" has no "type".', what, name));
    } else if (type !== undefined && !isDynamicString(pipeline, type) && !matchEnum(types, type)) {
      context.report(
        'ADF104',
        context.rangeOf(typeNode),
        l10n.t('Unknown {0} type "{1}"; expected one of {2}.', whatLower, type, types.join(', ')),
      );
    }
  }
}

function checkScope(context: ValidationContext, pipeline: PipelineInfo, scope: ActivityScope): void {
  for (const item of arrayItems(scope.arrayNode)) {
    if (item.type !== 'object' && !isDynamic(pipeline, item)) {
      context.report('ADF102', context.rangeOf(item), l10n.t('An activity must be a JSON object.'));
    }
  }
}

function checkActivity(context: ValidationContext, activity: ActivityInfo): void {
  const { pipeline } = activity;
  for (const scope of activity.childScopes) checkScope(context, pipeline, scope);
  const head = context.activityRange(activity);
  const label = activity.name !== undefined ? l10n.t('Activity "{0}"', activity.name) : l10n.t('This activity');
  if (!activity.nameNode) context.report('ADF101', head, l10n.t('{0} has no "name".', label));
  else if (activity.nameNode.type !== 'string')
    context.report('ADF102', context.rangeOf(activity.nameNode), l10n.t('An activity name must be a string.'));

  if (!activity.typeNode) {
    context.report('ADF101', head, l10n.t('{0} has no "type".', label));
    return;
  }
  if (activity.type === undefined) {
    context.report('ADF102', context.rangeOf(activity.typeNode), l10n.t('An activity type must be a string.'));
    return;
  }
  checkActivityEnums(context, activity);
  checkDependsOnShape(context, activity);
  const policy = propertyValue(activity.node, 'policy');
  if (policy && policy.type !== 'object' && !isDynamic(pipeline, policy))
    context.report('ADF102', context.rangeOf(policy), l10n.t('"policy" must be an object.'));

  const model = activityTypeModel(activity.type);
  if (!model) {
    if (isDynamicString(pipeline, activity.type)) return;
    const suggestion = closestName(activity.type, Object.keys(ACTIVITY_TYPE_MODELS));
    context.report(
      'ADF103',
      context.rangeOf(activity.typeNode),
      l10n.t(
        'Unknown activity type "{0}"{1}; its properties are not checked.',
        activity.type,
        suggestion ? l10n.t(' (did you mean "{0}"?)', suggestion) : '',
      ),
    );
    return;
  }
  const typePropertiesNode = propertyValue(activity.node, 'typeProperties');
  if (!typePropertiesNode) {
    if (model.typePropertiesRequired)
      context.report('ADF101', head, l10n.t('{0} ({1}) has no "typeProperties".', label, model.type));
    return;
  }
  if (typePropertiesNode.type !== 'object') {
    if (!isDynamic(pipeline, typePropertiesNode))
      context.report('ADF102', context.rangeOf(typePropertiesNode), l10n.t('"typeProperties" must be an object.'));
    return;
  }
  checkObject(
    context,
    pipeline,
    typePropertiesNode,
    model.typeProperties,
    `${label} (${model.type})`,
    'typeProperties',
    OWNED_ELSEWHERE[activity.typeLower],
  );
}

function checkActivityEnums(context: ValidationContext, activity: ActivityInfo): void {
  const { pipeline } = activity;
  checkEnum(
    context,
    pipeline,
    propertyValue(activity.node, 'state'),
    EXTRA_ENUM_VALUES.activityStates,
    l10n.t('activity state'),
  );
  checkEnum(
    context,
    pipeline,
    propertyValue(activity.node, 'onInactiveMarkAs'),
    EXTRA_ENUM_VALUES.onInactiveMarkAs,
    l10n.t('onInactiveMarkAs value'),
  );
  if (activity.typeLower === 'webactivity') {
    checkEnum(
      context,
      pipeline,
      propertyValue(activity.typeProperties, 'method'),
      WEB_METHODS,
      l10n.t('Web activity method'),
    );
  }
}

function checkDependsOnShape(context: ValidationContext, activity: ActivityInfo): void {
  const node = activity.dependsOnNode;
  if (!node) return;
  if (node.type !== 'array') {
    if (!isDynamic(activity.pipeline, node))
      context.report('ADF102', context.rangeOf(node), l10n.t('"dependsOn" must be an array.'));
    return;
  }
  for (const item of arrayItems(node)) {
    if (item.type !== 'object') {
      context.report(
        'ADF102',
        context.rangeOf(item),
        l10n.t('A dependsOn entry must be an object with "activity" and "dependencyConditions".'),
      );
      continue;
    }
    const upstream = propertyValue(item, 'activity');
    if (!propertyNode(item, 'activity'))
      context.report(
        'ADF101',
        { start: item.offset, end: item.offset + 1 },
        l10n.t('A dependsOn entry has no "activity".'),
      );
    // ADF reads the name literally (no expressions here), so anything but a string is refused at publish.
    else if (upstream && upstream.type !== 'string')
      context.report(
        'ADF102',
        context.rangeOf(upstream),
        l10n.t('"activity" in a dependsOn entry must be an activity name.'),
      );
    const conditions = propertyValue(item, 'dependencyConditions');
    if (!conditions)
      context.report(
        'ADF101',
        { start: item.offset, end: item.offset + 1 },
        l10n.t('A dependsOn entry has no "dependencyConditions".'),
      );
    else if (conditions.type !== 'array' && !isDynamic(activity.pipeline, conditions)) {
      context.report('ADF102', context.rangeOf(conditions), l10n.t('"dependencyConditions" must be an array.'));
    }
  }
}

/** Per model object: only the properties that need a check (required, enum or nested), computed once. */
const interesting = new WeakMap<Readonly<Record<string, PropertyModel>>, [string, PropertyModel][]>();

function checksOf(properties: Readonly<Record<string, PropertyModel>>): [string, PropertyModel][] {
  let list = interesting.get(properties);
  if (!list) {
    list = Object.entries(properties).filter(
      ([, m]) => m.required || (m.enum && m.kind === 'string') || (m.properties && !m.polymorphic),
    );
    interesting.set(properties, list);
  }
  return list;
}

function checkObject(
  context: ValidationContext,
  pipeline: PipelineInfo,
  node: Node,
  properties: Readonly<Record<string, PropertyModel>>,
  owner: string,
  path: string,
  skip?: ReadonlySet<string>,
): void {
  for (const [key, model] of checksOf(properties)) {
    if (skip?.has(key)) continue;
    const value = propertyValue(node, key);
    if (!value) {
      if (model.required) {
        const parentKey = keyOf(node);
        const range = parentKey ? context.rangeOf(parentKey) : { start: node.offset, end: node.offset + 1 };
        // Gallery templates (ARM) leave some settings to be completed in ADF Studio after import.
        const template = pipeline.inArmTemplate;
        context.report(
          'ADF101',
          range,
          l10n.t(
            '{0} is missing {1}.{2}{3}.',
            owner,
            path,
            key,
            template ? l10n.t(' (to be completed after importing this template)') : '',
          ),
          {
            severity: template ? 'warning' : undefined,
          },
        );
      }
      continue;
    }
    if (model.enum && model.kind === 'string') {
      checkEnum(context, pipeline, value, model.enum, l10n.t('{0}.{1} value', path, key));
    }
    if (model.properties && value.type === 'object' && !model.polymorphic) {
      checkObject(context, pipeline, value, model.properties, owner, `${path}.${key}`);
    }
  }
}

function checkEnum(
  context: ValidationContext,
  pipeline: PipelineInfo,
  node: Node | undefined,
  values: readonly string[],
  what: string,
): void {
  const value = stringValue(node);
  if (node === undefined || value === undefined || value.startsWith('@') || isDynamicString(pipeline, value)) return;
  if (!matchEnum(values, value)) {
    context.report(
      'ADF104',
      context.rangeOf(node),
      l10n.t('Unknown {0} "{1}"; expected one of {2}.', what, value, values.join(', ')),
    );
  }
}

/** A value computed at deployment (ARM expression), so its shape cannot be checked here. */
function isDynamic(pipeline: PipelineInfo, node: Node): boolean {
  return node.type === 'string' && isDynamicString(pipeline, String(node.value));
}

function isDynamicString(pipeline: PipelineInfo, value: string): boolean {
  return pipeline.inArmTemplate && isArmExpression(value);
}

function headRange(context: ValidationContext, node: Node): { start: number; end: number } {
  const name = propertyValue(node, 'name');
  return name ? context.rangeOf(name) : { start: node.offset, end: node.offset + 1 };
}
