// Public API of the local pipeline engine (pure: no vscode).
export * from './types';
export type { ActivityResultView, EvaluationScope, ExpressionEvaluator } from './expression-port';
export type { ActivityContext, ActivityHandler, PipelineResolver, ScopeResult } from './activity-context';
export {
  PipelineEngine,
  type PipelineEngineOptions,
  type PipelineRunHandle,
  type StartRunOptions,
} from './pipeline-engine';
export { RunStore, type DroppedActivityRuns, type EngineEventListener } from './run-store';
export { DEFAULT_BUDGETS, MAX_ACTIVITY_DURATION_MS, type EngineBudgets } from './budgets';
export { RunInputError, resolveParameters, convertToType } from './parameters';
export { ActivityFailure, ErrorCodes } from './errors';
export {
  createNodeHttpClient,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  type NodeHttpClientOptions,
} from './http-client';
export {
  noIdentity,
  type IdentityResolver,
  type KeyVaultSecretRequest,
  type TokenRequest,
  type TokenSubject,
} from './identity';
export {
  clientCredentialsToken,
  createStandInIdentity,
  keyVaultAudience,
  type LinkedServiceLookup,
  type StandInIdentityOptions,
  type TokenSource,
} from './identity-providers';
export { SUPPORTED_ACTIVITY_TYPES } from './activities/supported-types';
export { parseTimespan, formatTimespan } from '../pipeline';
export { REDACTED, SecretRedactor } from './redaction';
export { entraRefusal } from './entra-errors';
export { secretForms } from './secret-forms';
export { defaultExpressionEvaluator, evaluationContext } from './expression-adapter';
export { formatActivityRun, formatPipelineRun, type FormatOptions } from './run-format';
export {
  authorityHostOf,
  createRunEnvironment,
  parseRunTargetSettings,
  runTargetFromUrl,
  type RunEnvironment,
  type RunEnvironmentOptions,
  type RunTargetSettings,
} from './run-target';
export {
  folderLinkedServiceLookup,
  folderPipelineResolver,
  loadPipelineFile,
  pipelineFromJson,
  pipelineFromJsonText,
} from './workspace';
export {
  runPipelineFile,
  type RunPipelineEvent,
  type RunPipelineFileRequest,
  type RunPipelineFileResult,
  type RunPipelineTarget,
} from './run-pipeline-file';
