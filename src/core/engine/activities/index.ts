// The activity types the engine runs, keyed by lower-case type name (ADF matches types case-insensitively).
import type { ActivityHandler } from '../activity-context';
import { appendVariableActivity } from './append-variable';
import { executePipelineActivity } from './execute-pipeline';
import { failActivity } from './fail';
import { filterActivity } from './filter';
import { forEachActivity } from './for-each';
import { ifConditionActivity } from './if-condition';
import { setVariableActivity } from './set-variable';
import { switchActivity } from './switch';
import { untilActivity } from './until';
import { SUPPORTED_ACTIVITY_TYPES, type SupportedActivityType } from './supported-types';
import { waitActivity } from './wait';
import { webActivity } from './web';

export { SUPPORTED_ACTIVITY_TYPES };

export function defaultActivityHandlers(): Map<string, ActivityHandler> {
  const handlers: Record<SupportedActivityType, ActivityHandler> = {
    WebActivity: webActivity,
    Until: untilActivity,
    Wait: waitActivity,
    IfCondition: ifConditionActivity,
    Switch: switchActivity,
    ForEach: forEachActivity,
    SetVariable: setVariableActivity,
    AppendVariable: appendVariableActivity,
    Filter: filterActivity,
    Fail: failActivity,
    ExecutePipeline: executePipelineActivity,
  };
  return new Map(Object.entries(handlers).map(([type, handler]) => [type.toLowerCase(), handler]));
}
