// Shapes of the pipeline JSON the engine reads, and of the run records it produces (as ADF's REST API returns
// them: PipelineRun and ActivityRun of Microsoft.DataFactory 2018-06-01).

/** One activity as it appears in pipeline JSON. Everything but name and type is optional and loosely typed. */
export interface ActivityDefinition {
  name: string;
  type: string;
  description?: string;
  dependsOn?: ActivityDependency[];
  typeProperties?: Record<string, unknown>;
  policy?: ActivityPolicy;
  /** 'Inactive' activities do not run; they end with onInactiveMarkAs (Succeeded by default). */
  state?: string;
  onInactiveMarkAs?: string;
  userProperties?: unknown[];
  [other: string]: unknown;
}

export interface ActivityDependency {
  activity: string;
  dependencyConditions: string[];
}

export interface ActivityPolicy {
  timeout?: unknown;
  retry?: unknown;
  retryIntervalInSeconds?: unknown;
  secureInput?: boolean;
  secureOutput?: boolean;
  [other: string]: unknown;
}

export interface ParameterDeclaration {
  type: string;
  defaultValue?: unknown;
}

export interface VariableDeclaration {
  type: string;
  defaultValue?: unknown;
}

export interface PipelineProperties {
  description?: string;
  activities?: ActivityDefinition[];
  parameters?: Record<string, ParameterDeclaration>;
  variables?: Record<string, VariableDeclaration>;
  [other: string]: unknown;
}

/** ADF git-integration pipeline file: `{ name, properties }`. */
export interface PipelineDefinition {
  name: string;
  properties: PipelineProperties;
}

export type ActivityRunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';
export type PipelineRunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled';

/** The `error` of an activity run, as ADF reports it. */
export interface ActivityRunError {
  errorCode: string;
  message: string;
  failureType: 'UserError' | 'SystemError' | string;
  target: string;
  details?: string;
}

export interface ActivityRunRecord {
  pipelineName: string;
  pipelineRunId: string;
  activityName: string;
  activityType: string;
  activityRunId: string;
  status: ActivityRunStatus;
  activityRunStart: string;
  activityRunEnd?: string;
  durationInMs?: number;
  input?: unknown;
  output?: unknown;
  error?: ActivityRunError;
  /** Container activity runs that enclose this one (outermost first), to draw nesting in UIs. Not part of ADF's shape. */
  parentActivityRunIds?: string[];
}

export interface PipelineRunInvokedBy {
  name: string;
  id: string;
  invokedByType: string;
  pipelineName?: string;
  pipelineRunId?: string;
}

export interface PipelineRunRecord {
  runId: string;
  runGroupId: string;
  isLatest: boolean;
  pipelineName: string;
  parameters: Record<string, string>;
  invokedBy: PipelineRunInvokedBy;
  lastUpdated: string;
  runStart: string;
  runEnd?: string;
  durationInMs?: number;
  status: PipelineRunStatus;
  message: string;
}

/** Progress events for UIs: every change of a run record, in order. */
export type EngineEvent =
  { kind: 'pipelineRun'; run: PipelineRunRecord } | { kind: 'activityRun'; run: ActivityRunRecord };
