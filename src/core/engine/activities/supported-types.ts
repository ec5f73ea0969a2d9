// The activity types the local engine runs (docs/engine.md lists them too).
export const SUPPORTED_ACTIVITY_TYPES = [
  'WebActivity',
  'Until',
  'Wait',
  'IfCondition',
  'Switch',
  'ForEach',
  'SetVariable',
  'AppendVariable',
  'Filter',
  'Fail',
  'ExecutePipeline',
] as const;

export type SupportedActivityType = (typeof SUPPORTED_ACTIVITY_TYPES)[number];
