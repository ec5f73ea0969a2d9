import * as l10n from '@vscode/l10n';
import { arrayItems } from '../../json';
import { DEPENDENCY_CONDITIONS, matchEnum } from '../../adf-model';
import { isArmExpression } from '../arm';
import type { ValidationContext } from '../context';
import type { ActivityInfo, ActivityScope, PipelineInfo } from '../pipeline-model';
import { closestName } from '../suggest';
import type { ValidationRule } from './rule';

/** ADF301-ADF306: dependsOn targets, self-dependencies, cycles, container boundaries and conditions. */
export const dependsOnRule: ValidationRule = {
  family: 'dependsOn',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      for (const activity of pipeline.activities) checkDependencies(context, pipeline, activity);
      if (pipeline.root) checkCycles(context, pipeline.root);
      for (const activity of pipeline.activities) for (const scope of activity.childScopes) checkCycles(context, scope);
    }
  },
};

function checkDependencies(context: ValidationContext, pipeline: PipelineInfo, activity: ActivityInfo): void {
  if (activity.dependsOn.length === 0) return;
  const seenTargets = activity.dependsOn.length > 1 ? new Set<string>() : undefined;
  for (const dep of activity.dependsOn) {
    checkConditions(context, dep.conditionsNode);
    if (dep.target === undefined || !dep.activityNode) continue;
    if (pipeline.inArmTemplate && isArmExpression(dep.target)) continue; // known at deployment only
    const lower = dep.target.toLowerCase();
    const range = context.rangeOf(dep.activityNode);
    if (seenTargets?.has(lower)) {
      context.report('ADF306', range, l10n.t('"{0}" is listed twice in dependsOn.', dep.target));
      continue;
    }
    seenTargets?.add(lower);
    if (activity.name !== undefined && lower === activity.name.toLowerCase()) {
      context.report('ADF302', range, l10n.t('Activity "{0}" depends on itself.', activity.name));
      continue;
    }
    if (activity.scope.byName.has(lower)) continue;
    const elsewhere = pipeline.allByName.get(lower);
    if (elsewhere) {
      const target = elsewhere[0];
      context.report(
        'ADF304',
        range,
        l10n.t(
          '"{0}" is {1}, but "{2}" is {3}: dependencies cannot cross container boundaries.',
          dep.target,
          describeScope(target.scope),
          activity.name ?? l10n.t('this activity'),
          describeScope(activity.scope),
        ),
        {
          related: [
            { range: context.activityRange(target), message: l10n.t('"{0}" is defined here', String(target.name)) },
          ],
        },
      );
      continue;
    }
    const candidates = activity.scope.activities
      .filter((a) => a !== activity && a.name !== undefined)
      .map((a) => a.name as string);
    const suggestion = closestName(dep.target, candidates);
    context.report(
      'ADF301',
      range,
      l10n.t(
        'No activity named "{0}" {1}{2}',
        dep.target,
        describeScope(activity.scope),
        suggestion ? l10n.t('; did you mean "{0}"?', suggestion) : '.',
      ),
      {
        fix: suggestion
          ? { title: l10n.t('Change to "{0}"', suggestion), edits: [{ range, newText: JSON.stringify(suggestion) }] }
          : undefined,
      },
    );
  }
}

function checkConditions(context: ValidationContext, node: ActivityInfo['dependsOn'][number]['conditionsNode']): void {
  if (node?.type !== 'array') return;
  const items = arrayItems(node);
  if (items.length === 0) {
    context.report(
      'ADF305',
      context.rangeOf(node),
      l10n.t('dependencyConditions is empty; use one of {0}.', DEPENDENCY_CONDITIONS.join(', ')),
    );
  }
  for (const item of items) {
    const value = item.type === 'string' ? String(item.value) : undefined;
    if (value === undefined || !matchEnum(DEPENDENCY_CONDITIONS, value)) {
      context.report(
        'ADF305',
        context.rangeOf(item),
        l10n.t(
          'Invalid dependency condition {0}; expected one of {1}.',
          value === undefined ? 'value' : `"${value}"`,
          DEPENDENCY_CONDITIONS.join(', '),
        ),
      );
    }
  }
}

function describeScope(scope: ActivityScope): string {
  return scope.container
    ? l10n.t('inside "{0}" ({1})', String(scope.container.name ?? scope.container.type), scope.label)
    : l10n.t('at the top level of the pipeline');
}

/** Reports each dependency cycle (strongly connected component of 2+ activities) once. */
function checkCycles(context: ValidationContext, scope: ActivityScope): void {
  const activities = scope.activities;
  if (activities.length < 2) return;
  const edges = new Map<ActivityInfo, ActivityInfo[]>();
  for (const a of activities) {
    const targets: ActivityInfo[] = [];
    for (const dep of a.dependsOn) {
      if (dep.target === undefined) continue;
      for (const t of scope.byName.get(dep.target.toLowerCase()) ?? []) if (t !== a) targets.push(t);
    }
    edges.set(a, targets);
  }
  for (const component of stronglyConnected(activities, edges)) {
    if (component.length < 2) continue;
    const ordered = [...component].sort((x, y) => x.node.offset - y.node.offset);
    const names = ordered.map((a) => `"${a.name}"`).join(' -> ');
    const first = ordered[0];
    context.report(
      'ADF303',
      context.activityRange(first),
      l10n.t('Dependency cycle between {0}: none of them can start.', names),
      {
        related: ordered.slice(1).map((a) => ({
          range: context.activityRange(a),
          message: l10n.t('"{0}" is part of the cycle', String(a.name)),
        })),
      },
    );
  }
}

/** Tarjan's algorithm, iterative so deep chains cannot overflow the stack. */
function stronglyConnected(nodes: ActivityInfo[], edges: Map<ActivityInfo, ActivityInfo[]>): ActivityInfo[][] {
  let index = 0;
  const indexOf = new Map<ActivityInfo, number>();
  const low = new Map<ActivityInfo, number>();
  const onStack = new Set<ActivityInfo>();
  const stack: ActivityInfo[] = [];
  const result: ActivityInfo[][] = [];
  for (const start of nodes) {
    if (indexOf.has(start)) continue;
    const work: [ActivityInfo, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, edgeIndex] = frame;
      if (edgeIndex === 0 && !indexOf.has(node)) {
        indexOf.set(node, index);
        low.set(node, index);
        index++;
        stack.push(node);
        onStack.add(node);
      }
      const targets = edges.get(node) ?? [];
      if (edgeIndex < targets.length) {
        frame[1]++;
        const next = targets[edgeIndex];
        if (!indexOf.has(next)) work.push([next, 0]);
        else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === indexOf.get(node)) {
        const component: ActivityInfo[] = [];
        let member: ActivityInfo | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        result.push(component);
      }
    }
  }
  return result;
}
