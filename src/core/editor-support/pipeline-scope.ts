// What an expression at a given place of a pipeline file can refer to: the pipeline's parameters and variables,
// the activity it belongs to, and the activities whose output it can read (those that run before it).
import { findNodeAtOffset, getNodeValue, type Node } from 'jsonc-parser';
import { arrayItems, objectEntries, propertyValue, stringValue } from '../json';

export interface ScopeActivity {
  readonly name: string;
  readonly type?: string;
  readonly node: Node;
}

export interface ScopeDeclaration {
  readonly name: string;
  /** The declared `type`, as written. */
  readonly type?: string;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  readonly node: Node;
}

export interface PipelineScope {
  readonly parameters: readonly ScopeDeclaration[];
  readonly variables: readonly ScopeDeclaration[];
  /** The innermost activity containing the offset. */
  readonly activity?: ScopeActivity;
  /** Activities an `activity('X')` at the offset may name: those that run before it (see `readableActivities`). */
  readonly readableActivities: readonly ScopeActivity[];
  /** Every activity of the pipeline, nested ones included, in document order. */
  readonly allActivities: readonly ScopeActivity[];
}

/** Keys of arrays that hold activities: `activities`, `ifTrueActivities`, `ifFalseActivities`, `defaultActivities`. */
function holdsActivities(key: string): boolean {
  return /activities$/i.test(key);
}

/** The pipeline scope at `offset`, or undefined when the offset is not inside a pipeline. */
export function pipelineScopeAt(root: Node | undefined, offset: number): PipelineScope | undefined {
  if (!root) return undefined;
  const at = findNodeAtOffset(root, offset, true) ?? root;
  const chain: Node[] = [];
  for (let n: Node | undefined = at; n; n = n.parent) chain.push(n);
  const activities = chain.filter(isActivityNode);
  const properties = activities.length
    ? activities[activities.length - 1].parent?.parent?.parent
    : chain.map(pipelinePropertiesOf).find((p) => p !== undefined);
  if (!properties || properties.type !== 'object') return undefined;
  const all: ScopeActivity[] = [];
  collectActivities(propertyValue(properties, 'activities'), all);
  const current = activities[0];
  return {
    parameters: declarations(propertyValue(properties, 'parameters')),
    variables: declarations(propertyValue(properties, 'variables')),
    activity: current ? toScopeActivity(current) : undefined,
    readableActivities: current ? readableActivities(activities) : [],
    allActivities: all,
  };
}

/** An object in an array held by an `...activities` property. */
function isActivityNode(node: Node): boolean {
  const array = node.parent;
  const property = array?.parent;
  if (node.type !== 'object' || array?.type !== 'array' || property?.type !== 'property') return false;
  const key = property.children?.[0]?.value;
  return typeof key === 'string' && holdsActivities(key);
}

/** The pipeline properties object a node stands for (git file / ARM resource root, or a bare body), if any. */
function pipelinePropertiesOf(node: Node): Node | undefined {
  if (node.type !== 'object') return undefined;
  const properties = propertyValue(node, 'properties');
  if (properties?.type === 'object' && propertyValue(properties, 'activities')?.type === 'array') return properties;
  if (propertyValue(node, 'activities')?.type === 'array' && !node.parent) return node;
  return undefined;
}

function toScopeActivity(node: Node): ScopeActivity {
  return { name: stringValue(propertyValue(node, 'name')) ?? '', type: stringValue(propertyValue(node, 'type')), node };
}

function declarations(node: Node | undefined): ScopeDeclaration[] {
  return objectEntries(node).map(([name, , value]) => {
    const defaultNode = propertyValue(value, 'defaultValue');
    return {
      name,
      type: stringValue(propertyValue(value, 'type')),
      hasDefault: defaultNode !== undefined,
      defaultValue: defaultNode ? getNodeValue(defaultNode) : undefined,
      node: value,
    };
  });
}

function collectActivities(array: Node | undefined, out: ScopeActivity[]): void {
  for (const item of arrayItems(array)) {
    if (item.type !== 'object') continue;
    out.push(toScopeActivity(item));
    for (const child of childArrays(item)) collectActivities(child, out);
  }
}

/** The arrays of nested activities of a container (ForEach, Until, If Condition, Switch). */
function childArrays(activity: Node): Node[] {
  const typeProperties = propertyValue(activity, 'typeProperties');
  const out: Node[] = [];
  for (const [key, , value] of objectEntries(typeProperties)) {
    if (holdsActivities(key) && value.type === 'array') out.push(value);
    if (key.toLowerCase() === 'cases') {
      for (const entry of arrayItems(value)) {
        const nested = propertyValue(entry, 'activities');
        if (nested?.type === 'array') out.push(nested);
      }
    }
  }
  return out;
}

/**
 * The activities whose output an expression of `chain[0]` may read, as ADF allows it: those its own activity
 * depends on (directly or through others), and the same for every container around it; inside an Until's own
 * condition, also the activities of its loop body.
 */
function readableActivities(chain: readonly Node[]): ScopeActivity[] {
  const found = new Map<Node, ScopeActivity>();
  for (const activity of chain) {
    for (const node of predecessors(activity)) found.set(node, toScopeActivity(node));
  }
  const own = chain[0];
  if (/^until$/i.test(stringValue(propertyValue(own, 'type')) ?? '')) {
    const body: ScopeActivity[] = [];
    for (const child of childArrays(own)) collectActivities(child, body);
    for (const a of body) found.set(a.node, a);
  }
  return [...found.values()].filter((a) => a.name !== '');
}

/** Siblings `activity` depends on, directly or transitively (dependsOn names compare ignoring case). */
function predecessors(activity: Node): Node[] {
  const siblings = arrayItems(activity.parent).filter((n) => n.type === 'object');
  const byName = new Map<string, Node>();
  for (const sibling of siblings) {
    const name = stringValue(propertyValue(sibling, 'name'));
    if (name !== undefined && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), sibling);
  }
  const seen = new Set<Node>([activity]);
  const result: Node[] = [];
  const queue = [activity];
  while (queue.length) {
    const current = queue.shift() as Node;
    for (const dependency of arrayItems(propertyValue(current, 'dependsOn'))) {
      const target = byName.get((stringValue(propertyValue(dependency, 'activity')) ?? '').toLowerCase());
      if (!target || seen.has(target)) continue;
      seen.add(target);
      result.push(target);
      queue.push(target);
    }
  }
  return result;
}
