// The Data Factory side of the sidebar, as pure logic: batch pipelines and which endpoint they call,
// pipeline runs (statuses, durations, polling), the runs the runs view follows, and browser links.
export {
  callsScoringUri,
  classifyPipeline,
  describeInvokes,
  normalizeScoringUri,
  type FactoryPipelineJson,
  type PipelineClassification,
} from './batch-pipelines';
export {
  formatDuration,
  isActiveRunStatus,
  isTerminalJobStatus,
  nextPollDelayMs,
  runDurationMs,
  statusIcon,
} from './runs';
export {
  addTrackedRun,
  MAX_TRACKED_RUNS,
  readTrackedRuns,
  toStoredRuns,
  type NewTrackedRun,
  type RunSource,
  type RunTracker,
  type TrackedRun,
} from './run-history';
export { adfStudioRunUrl, studioJobUrl } from './links';
export {
  factoryDescription,
  toFactoryInfo,
  type ActivityRunInfo,
  type BatchJobInfo,
  type FactoryInfo,
  type FactoryPipeline,
  type FactoryReader,
  type PipelineRunInfo,
} from './reader';
export {
  readAll,
  USED_BY_SCAN_CONCURRENCY,
  UsageIndex,
  type ClassifiedPipeline,
  type PipelineUsage,
  type UsageIndexOptions,
  type UsageScan,
} from './used-by';
