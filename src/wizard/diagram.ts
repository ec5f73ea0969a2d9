// The activities of a pipeline as the review's diagram shows them: boxes in dependency order, containers with
// their inner activities (the Until loop, the If branches).
import * as l10n from '@vscode/l10n';
import type { Activity } from '../core/pipeline';
import type { DiagramActivity } from './protocol';

/** Built at each use: the labels are looked up in the bundle l10n was given after this module loaded. */
function containers(): Record<string, Array<{ key: string; label: string }>> {
  return {
    until: [{ key: 'activities', label: l10n.t('Repeat until the job ends') }],
    foreach: [{ key: 'activities', label: l10n.t('For each item') }],
    ifcondition: [
      { key: 'ifTrueActivities', label: l10n.t('If true') },
      { key: 'ifFalseActivities', label: l10n.t('If false') },
    ],
  };
}

export function diagramOf(activities: readonly Activity[]): DiagramActivity[] {
  return orderByDependencies(activities).map((activity) => {
    const branches = (containers()[activity.type.toLowerCase()] ?? [])
      .map(({ key, label }) => ({ label, list: activity.typeProperties[key] }))
      .filter((b): b is { label: string; list: Activity[] } => Array.isArray(b.list))
      .map((b) => ({ label: b.label, activities: diagramOf(b.list) }));
    return {
      name: activity.name,
      type: activity.type,
      dependsOn: activity.dependsOn.map((d) =>
        d.dependencyConditions.every((c) => c === 'Succeeded')
          ? d.activity
          : `${d.activity} (${d.dependencyConditions.join(', ')})`,
      ),
      ...(branches.length > 0 ? { children: branches } : {}),
    };
  });
}

/** A stable topological order (ties keep the file order); cycles keep the file order. */
function orderByDependencies(activities: readonly Activity[]): Activity[] {
  const byName = new Map(activities.map((a) => [a.name, a]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const result: Activity[] = [];
  const visit = (activity: Activity): void => {
    if (done.has(activity.name) || visiting.has(activity.name)) return;
    visiting.add(activity.name);
    for (const dependency of activity.dependsOn) {
      const upstream = byName.get(dependency.activity);
      if (upstream) visit(upstream);
    }
    visiting.delete(activity.name);
    done.add(activity.name);
    result.push(activity);
  };
  activities.forEach(visit);
  return result;
}
