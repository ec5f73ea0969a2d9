import { type JsonNode as Node, arrayItems, objectEntries, propertyValue, stringValue } from '../json';
import { CONTAINER_TYPES } from '../adf-model';
import { armPipelineName, isArmExpression } from './arm';

/** Where a pipeline came from: an ADF/Synapse git file, an ARM template resource, or a bare properties body. */
export type PipelineFormat = 'git' | 'arm' | 'bare';

export interface DeclarationInfo {
  readonly name: string;
  readonly keyNode: Node;
  readonly valueNode: Node;
}

/** A list of sibling activities: the pipeline's top level or one branch of a container activity. */
export interface ActivityScope {
  readonly arrayNode: Node;
  readonly activities: ActivityInfo[];
  /** Lower-cased name -> activities with that name in this scope. */
  readonly byName: Map<string, ActivityInfo[]>;
  readonly container?: ActivityInfo;
  /** typeProperties key holding the array, e.g. `ifTrueActivities` or `cases[1].activities`. */
  readonly label: string;
}

export interface DependencyInfo {
  readonly node: Node;
  readonly activityNode?: Node;
  readonly target?: string;
  readonly conditionsNode?: Node;
}

export interface ActivityInfo {
  readonly node: Node;
  readonly pipeline: PipelineInfo;
  readonly scope: ActivityScope;
  readonly container?: ActivityInfo;
  /** 0 for top-level activities. */
  readonly depth: number;
  readonly name?: string;
  readonly nameNode?: Node;
  readonly type?: string;
  readonly typeLower: string;
  readonly typeNode?: Node;
  readonly typeProperties?: Node;
  readonly dependsOnNode?: Node;
  readonly dependsOn: DependencyInfo[];
  readonly childScopes: ActivityScope[];
}

export interface PipelineInfo {
  /** The object with `name` and `properties` (git, ARM resource) or the bare properties object. */
  readonly node: Node;
  readonly properties?: Node;
  readonly format: PipelineFormat;
  /** The literal pipeline name if it can be known (for ARM, the part after the factory name). */
  readonly name?: string;
  readonly nameNode?: Node;
  root?: ActivityScope;
  /** Every activity, nested ones included, in document order. */
  readonly activities: ActivityInfo[];
  /** Lower-cased name -> activities anywhere in the pipeline. */
  readonly allByName: Map<string, ActivityInfo[]>;
  /** Lower-cased name -> declaration; undefined when not knowable (an ARM expression). */
  readonly parameters?: Map<string, DeclarationInfo>;
  readonly parametersNode?: Node;
  readonly variables?: Map<string, DeclarationInfo>;
  readonly variablesNode?: Node;
  readonly inArmTemplate: boolean;
}

/** Finds every pipeline in a parsed document: git-integration files, ARM templates, bare bodies. */
export function findPipelines(root: Node | undefined): PipelineInfo[] {
  if (!root || root.type !== 'object') return [];
  const resources = propertyValue(root, 'resources');
  if (resources?.type === 'array') {
    const found: PipelineInfo[] = [];
    collectArmPipelines(resources, false, found);
    return found;
  }
  const properties = propertyValue(root, 'properties');
  const type = stringValue(propertyValue(root, 'type')) ?? '';
  if (properties?.type === 'object' && (propertyValue(properties, 'activities') || /(^|\/)pipelines$/i.test(type))) {
    return [buildPipeline(root, properties, 'git', false)];
  }
  if (propertyValue(root, 'activities')) return [buildPipeline(root, root, 'bare', false)];
  return [];
}

function collectArmPipelines(resources: Node, parentIsFactory: boolean, out: PipelineInfo[]): void {
  for (const resource of arrayItems(resources)) {
    if (resource.type !== 'object') continue;
    const type = stringValue(propertyValue(resource, 'type')) ?? '';
    const isPipeline = /\/pipelines$/i.test(type) || (parentIsFactory && /^pipelines$/i.test(type));
    if (isPipeline) {
      const properties = propertyValue(resource, 'properties');
      out.push(buildPipeline(resource, properties?.type === 'object' ? properties : undefined, 'arm', true));
    }
    const nested = propertyValue(resource, 'resources');
    if (nested?.type === 'array') collectArmPipelines(nested, /\/(factories|workspaces)$/i.test(type), out);
  }
}

function buildPipeline(node: Node, properties: Node | undefined, format: PipelineFormat, inArm: boolean): PipelineInfo {
  const nameNode = format === 'bare' ? undefined : propertyValue(node, 'name');
  const rawName = stringValue(nameNode);
  const name = rawName === undefined ? undefined : inArm ? armPipelineName(rawName) : rawName;
  const pipeline: PipelineInfo = {
    node,
    properties,
    format,
    name,
    nameNode,
    activities: [],
    allByName: new Map(),
    inArmTemplate: inArm,
    ...declarations(properties, 'parameters', inArm),
    ...declarations(properties, 'variables', inArm),
  };
  const activitiesNode = propertyValue(properties, 'activities');
  if (activitiesNode?.type === 'array') {
    pipeline.root = buildScope(pipeline, activitiesNode, undefined, 'activities', 0);
  }
  return pipeline;
}

function declarations(
  properties: Node | undefined,
  key: 'parameters' | 'variables',
  inArm: boolean,
): Partial<PipelineInfo> {
  const node = propertyValue(properties, key);
  const nodeKey = key === 'parameters' ? 'parametersNode' : 'variablesNode';
  if (node && node.type !== 'object') {
    // An ARM expression (or something broken) stands for the whole block: its names are unknowable.
    const unknown = node.type === 'string' && inArm && isArmExpression(String(node.value));
    return unknown ? { [nodeKey]: node } : { [key]: new Map(), [nodeKey]: node };
  }
  const map = new Map<string, DeclarationInfo>();
  for (const [name, keyNode, valueNode] of objectEntries(node)) {
    const lower = name.toLowerCase();
    if (!map.has(lower)) map.set(lower, { name, keyNode, valueNode });
  }
  return { [key]: map, [nodeKey]: node };
}

function buildScope(
  pipeline: PipelineInfo,
  arrayNode: Node,
  container: ActivityInfo | undefined,
  label: string,
  depth: number,
): ActivityScope {
  const scope: ActivityScope = { arrayNode, activities: [], byName: new Map(), container, label };
  for (const item of arrayItems(arrayNode)) {
    if (item.type !== 'object') continue;
    const activity = buildActivity(pipeline, item, scope, depth);
    scope.activities.push(activity);
    if (activity.name !== undefined) {
      const lower = activity.name.toLowerCase();
      pushTo(scope.byName, lower, activity);
    }
  }
  return scope;
}

function buildActivity(pipeline: PipelineInfo, node: Node, scope: ActivityScope, depth: number): ActivityInfo {
  // One pass for the usual spellings; propertyValue (case-insensitive) only for what is missing.
  let nameNode: Node | undefined;
  let typeNode: Node | undefined;
  let typeProperties: Node | undefined;
  let dependsOnNode: Node | undefined;
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value;
    const value = prop.children?.[1];
    if (key === 'name') nameNode = value;
    else if (key === 'type') typeNode = value;
    else if (key === 'typeProperties') typeProperties = value;
    else if (key === 'dependsOn') dependsOnNode = value;
  }
  nameNode ??= propertyValue(node, 'name');
  typeNode ??= propertyValue(node, 'type');
  typeProperties ??= propertyValue(node, 'typeProperties');
  dependsOnNode ??= propertyValue(node, 'dependsOn');
  const type = stringValue(typeNode);
  const activity: ActivityInfo = {
    node,
    pipeline,
    scope,
    container: scope.container,
    depth,
    name: stringValue(nameNode),
    nameNode,
    type,
    typeLower: (type ?? '').toLowerCase(),
    typeNode,
    typeProperties: typeProperties?.type === 'object' ? typeProperties : undefined,
    dependsOnNode,
    dependsOn: dependencies(dependsOnNode),
    childScopes: [],
  };
  // Activities are numbered in document order: the parent before its children.
  pipeline.activities.push(activity);
  if (activity.name !== undefined) pushTo(pipeline.allByName, activity.name.toLowerCase(), activity);
  for (const [label, arrayNode] of nestedActivityArrays(activity)) {
    activity.childScopes.push(buildScope(pipeline, arrayNode, activity, label, depth + 1));
  }
  return activity;
}

function dependencies(node: Node | undefined): DependencyInfo[] {
  const out: DependencyInfo[] = [];
  if (node?.type !== 'array' || !node.children) return out;
  for (const d of node.children) {
    if (d.type !== 'object') continue;
    const activityNode = propertyValue(d, 'activity');
    out.push({
      node: d,
      activityNode,
      target: stringValue(activityNode),
      conditionsNode: propertyValue(d, 'dependencyConditions'),
    });
  }
  return out;
}

/** The arrays of nested activities of a container activity, with their labels. */
export function nestedActivityArrays(activity: Pick<ActivityInfo, 'typeLower' | 'typeProperties'>): [string, Node][] {
  const tp = activity.typeProperties;
  if (!tp) return [];
  // Most activities are not containers: other types only count when they carry an exact "activities" key.
  if (!CONTAINER_TYPES[activity.typeLower] && !hasActivitiesKey(tp)) return [];
  const out: [string, Node][] = [];
  const add = (label: string, node: Node | undefined): void => {
    if (node?.type === 'array') out.push([label, node]);
  };
  switch (CONTAINER_TYPES[activity.typeLower] ? activity.typeLower : '') {
    case 'ifcondition':
      add('ifTrueActivities', propertyValue(tp, 'ifTrueActivities'));
      add('ifFalseActivities', propertyValue(tp, 'ifFalseActivities'));
      break;
    case 'switch':
      arrayItems(propertyValue(tp, 'cases')).forEach((c, i) =>
        add(`cases[${i}].activities`, propertyValue(c, 'activities')),
      );
      add('defaultActivities', propertyValue(tp, 'defaultActivities'));
      break;
    default:
      // ForEach, Until, and any unknown type that carries nested activities.
      add('activities', propertyValue(tp, 'activities'));
  }
  return out;
}

function hasActivitiesKey(typeProperties: Node): boolean {
  const children = typeProperties.children;
  if (!children) return false;
  for (let i = 0; i < children.length; i++) if (children[i].children?.[0]?.value === 'activities') return true;
  return false;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The container chain of an activity, innermost first. */
export function containersOf(activity: ActivityInfo): ActivityInfo[] {
  const out: ActivityInfo[] = [];
  for (let c = activity.container; c; c = c.container) out.push(c);
  return out;
}
