// Engine budgets: limits that keep a run (and the process hosting it: the extension host, the CLI, the emulator)
// bounded in time and memory. Going over one fails the activity (or the run) with `LimitExceeded`, never the
// process. docs/engine.md lists each budget with the ADF limit it follows.
import { ActivityFailure, ErrorCodes } from './errors';
import type { ActivityDefinition } from './types';

export interface EngineBudgets {
  /** Activities in one pipeline definition, inner activities of containers included. */
  activitiesPerPipeline: number;
  /** Activity runs (every attempt, every loop iteration) of one run, its child runs included. */
  activityRunsPerRun: number;
  /** Pipelines in one Execute Pipeline chain (the run that was started is 1). */
  executePipelineDepth: number;
  /** Items one ForEach iterates over. */
  forEachItems: number;
  /** Iterations of one Until activity run. */
  untilIterations: number;
  /** Activity-run records a RunStore keeps per pipeline run; older ended ones are summarised. */
  activityRunsKept: number;
}

export { MAX_ACTIVITY_DURATION_MS } from '../pipeline';

export const DEFAULT_BUDGETS: Readonly<EngineBudgets> = Object.freeze({
  activitiesPerPipeline: 1_000,
  activityRunsPerRun: 1_000_000,
  executePipelineDepth: 16,
  forEachItems: 100_000,
  untilIterations: 100_000,
  activityRunsKept: 10_000,
});

export function resolveBudgets(overrides: Partial<EngineBudgets> | undefined): EngineBudgets {
  const budgets: EngineBudgets = { ...DEFAULT_BUDGETS };
  for (const key of Object.keys(budgets) as Array<keyof EngineBudgets>) {
    const value = overrides?.[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new Error(`Engine budget ${key} must be a positive integer.`);
    budgets[key] = value;
  }
  return budgets;
}

export function limitExceeded(message: string): ActivityFailure {
  return new ActivityFailure(message, ErrorCodes.limitExceeded);
}

/** Counts the activity runs of one run tree (a run and the child runs it starts share one counter). */
export class ActivityRunCounter {
  private count = 0;
  /** Set once the budget is spent: every later activity of the tree fails with it, loops stop. */
  exceeded?: ActivityFailure;

  constructor(private readonly limit: number) {}

  /** Takes one activity run from the budget; the failure to report when there is none left. */
  take(): ActivityFailure | undefined {
    if (this.exceeded) return this.exceeded;
    if (++this.count <= this.limit) return undefined;
    this.exceeded = limitExceeded(
      `The run reached the engine's limit of ${this.limit.toLocaleString('en-US')} activity runs (every attempt and loop iteration, child pipelines included), so no further activity runs.`,
    );
    return this.exceeded;
  }
}

const CONTAINER_LISTS = ['activities', 'ifTrueActivities', 'ifFalseActivities', 'defaultActivities'] as const;

/**
 * Number of activities in a definition, inner ones included; stops counting past `limit` (so a huge or deeply
 * nested definition costs no more than the limit). Walks iteratively: nesting depth cannot overflow the stack.
 */
export function countActivities(activities: unknown, limit: number): number {
  let count = 0;
  const lists: unknown[] = [activities];
  while (lists.length && count <= limit) {
    const list = lists.pop();
    if (!Array.isArray(list)) continue;
    for (const activity of list as ActivityDefinition[]) {
      count++;
      if (count > limit) break;
      const properties = activity?.typeProperties;
      if (!properties || typeof properties !== 'object') continue;
      for (const key of CONTAINER_LISTS) lists.push(properties[key]);
      const cases = properties.cases;
      if (Array.isArray(cases)) for (const c of cases) lists.push((c as { activities?: unknown })?.activities);
    }
  }
  return count;
}
