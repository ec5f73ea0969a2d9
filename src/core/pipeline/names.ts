// Names in the generated pipeline. The first four are the documented template's; the others are ours.
// Exported so the validator, the run command and tests refer to them instead of repeating strings.

export const ACTIVITY = Object.freeze({
  authorize: 'Authorize',
  invoke: 'Run Batch-Endpoint',
  loop: 'Wait for job',
  checkStatus: 'Check status',
  waitPoll: 'Wait poll interval',
  renewToken: 'Renew token',
  setStatus: 'Set job status',
  setError: 'Set job error',
  setCheckError: 'Set status check error',
  setCheckFailed: 'Set status check failed',
  ifCompleted: 'If job completed',
  fail: 'Fail with job status',
});

export const PARAMETER = Object.freeze({
  endpointUri: 'endpoint_uri',
  deploymentName: 'deployment_name',
  pollInterval: 'poll_interval',
  inputUri: 'endpoint_input_uri',
  inputType: 'endpoint_input_type',
  outputFolder: 'endpoint_output_folder',
  outputUri: 'endpoint_output_uri',
  tenantId: 'tenant_id',
  clientId: 'client_id',
  clientSecret: 'client_secret',
});

export const VARIABLE = Object.freeze({
  jobStatus: 'job_status',
  jobError: 'job_error',
});

/** Job statuses that end the polling loop (reference section 3). */
export const TERMINAL_JOB_STATUSES = Object.freeze(['Completed', 'Failed', 'Canceled'] as const);

/**
 * Set as the job status when `Check status` fails (401/403/404, ...): ends the loop like a terminal status, so
 * the run fails at once with the HTTP error instead of polling until the loop's timeout (an inner failure does
 * not stop an Until in ADF).
 */
export const STATUS_CHECK_FAILED = 'StatusCheckFailed';
