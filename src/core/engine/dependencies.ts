// ADF's dependency semantics within one scope (the pipeline, or one container's activity list):
// - an activity runs when every dependency is met (AND across the activities it depends on); the conditions
//   listed for one dependency are alternatives (OR): Succeeded, Failed, Skipped, Completed (= Succeeded or Failed);
// - when a dependency ends without meeting its conditions, the activity is Skipped (and so on downstream);
// - the scope's outcome follows "How pipeline failure is determined": evaluate every leaf activity (one no other
//   activity depends on); for a skipped leaf, evaluate its parents instead; the scope succeeds only if all
//   evaluated activities succeeded. So try/catch (failure path only) succeeds, do-if-else fails, and
//   do-if-skip-else succeeds.
import type { ActivityDefinition, ActivityRunStatus } from './types';

export type FinalStatus = 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';

export type ConditionCheck = 'met' | 'unmet' | 'waiting';

/** Whether `activity` may run given the final statuses known so far (keyed by lower-case name). */
export function checkDependencies(
  activity: ActivityDefinition,
  finals: ReadonlyMap<string, FinalStatus>,
): ConditionCheck {
  let waiting = false;
  for (const dependency of activity.dependsOn ?? []) {
    const status = finals.get(dependency.activity.toLowerCase());
    if (status === undefined) {
      waiting = true;
      continue;
    }
    if (!conditionsMet(dependency.dependencyConditions ?? [], status)) return 'unmet';
  }
  return waiting ? 'waiting' : 'met';
}

export function conditionsMet(conditions: string[], status: FinalStatus): boolean {
  const wanted = conditions.length ? conditions.map((c) => c.toLowerCase()) : ['succeeded'];
  return wanted.some((condition) => {
    switch (condition) {
      case 'succeeded':
        return status === 'Succeeded';
      case 'failed':
        return status === 'Failed';
      case 'skipped':
        return status === 'Skipped';
      case 'completed':
        return status === 'Succeeded' || status === 'Failed';
      default:
        return false;
    }
  });
}

/** Problems that stop a scope from running at all: unknown dependencies, bad conditions, duplicates, cycles. */
export function dependencyProblems(activities: ActivityDefinition[]): string[] {
  const problems: string[] = [];
  const malformed = activities.filter(
    (a) => !a || typeof a !== 'object' || typeof a.name !== 'string' || typeof a.type !== 'string',
  );
  if (malformed.length)
    return [`${malformed.length} activit${malformed.length === 1 ? 'y has' : 'ies have'} no name or no type.`];
  const names = new Map<string, string>();
  for (const activity of activities) {
    const key = activity.name.toLowerCase();
    if (names.has(key)) problems.push(`Two activities are named '${activity.name}'.`);
    names.set(key, activity.name);
  }
  for (const activity of activities) {
    for (const dependency of activity.dependsOn ?? []) {
      if (typeof dependency?.activity !== 'string' || !names.has(dependency.activity.toLowerCase())) {
        problems.push(
          `Activity '${activity.name}' depends on '${String(dependency?.activity)}', which is not in the same scope.`,
        );
      }
      for (const condition of dependency?.dependencyConditions ?? []) {
        if (!['succeeded', 'failed', 'skipped', 'completed'].includes(String(condition).toLowerCase())) {
          problems.push(`Activity '${activity.name}' has an invalid dependency condition '${String(condition)}'.`);
        }
      }
    }
  }
  const cycle = findCycle(activities);
  if (cycle) problems.push(`Activities depend on each other in a cycle: ${cycle.join(' -> ')}.`);
  return problems;
}

function findCycle(activities: ActivityDefinition[]): string[] | undefined {
  const byName = new Map(activities.map((a) => [a.name.toLowerCase(), a]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (activity: ActivityDefinition): string[] | undefined => {
    const key = activity.name.toLowerCase();
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(activity.name)), activity.name];
    state.set(key, 'visiting');
    path.push(activity.name);
    for (const dependency of activity.dependsOn ?? []) {
      const next = byName.get(String(dependency?.activity).toLowerCase());
      const cycle = next && visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const activity of activities) {
    const cycle = visit(activity);
    if (cycle) return cycle;
  }
  return undefined;
}

export interface ScopeOutcome {
  status: 'Succeeded' | 'Failed' | 'Cancelled';
  /** Names of the evaluated activities that failed, in activity order. */
  failedActivities: string[];
}

/** The outcome of a scope whose activities all ended, by ADF's leaf rule. */
export function scopeOutcome(
  activities: ActivityDefinition[],
  finals: ReadonlyMap<string, ActivityRunStatus>,
): ScopeOutcome {
  const byName = new Map(activities.map((a) => [a.name.toLowerCase(), a]));
  const hasSuccessor = new Set<string>();
  for (const activity of activities)
    for (const d of activity.dependsOn ?? []) hasSuccessor.add(String(d.activity).toLowerCase());
  const evaluated = new Set<string>();
  const visit = (key: string): void => {
    if (evaluated.has(key)) return;
    evaluated.add(key);
    if (finals.get(key) === 'Skipped') {
      for (const d of byName.get(key)?.dependsOn ?? []) visit(String(d.activity).toLowerCase());
    }
  };
  for (const activity of activities)
    if (!hasSuccessor.has(activity.name.toLowerCase())) visit(activity.name.toLowerCase());
  const failed: string[] = [];
  let cancelled = false;
  for (const activity of activities) {
    const key = activity.name.toLowerCase();
    const status = finals.get(key);
    if (status === 'Cancelled') cancelled = true;
    if (evaluated.has(key) && status === 'Failed') failed.push(activity.name);
  }
  return { status: cancelled ? 'Cancelled' : failed.length ? 'Failed' : 'Succeeded', failedActivities: failed };
}
