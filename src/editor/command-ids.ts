// Command ids of the editor validation, shared by the wiring (register.ts, in dist/extension.js) and the lazily
// loaded feature (dist/editor.js) without either importing the other.
export const VALIDATE_ALL_COMMAND = 'adfBatchEndpoints.validateAllPipelines';
/** Cancels the running workspace scan (the status bar item's command). */
export const CANCEL_VALIDATION_COMMAND = 'adfBatchEndpoints.cancelPipelineValidation';
/** Context key: true while a workspace scan runs (the cancel command is offered only then). */
export const VALIDATION_RUNNING_CONTEXT = 'adfBatchEndpoints.pipelineValidationRunning';
