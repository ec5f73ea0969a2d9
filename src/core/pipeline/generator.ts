// Generates the ADF pipeline that runs an Azure ML batch endpoint job and waits for it, improving on the
// documented template: per-run output path, a loop that also stops on Canceled, a failed job fails the run,
// secrets as SecureString / Key Vault, secure input/output wherever a secret or token passes.
import { AZURE_CLOUDS, CloudDefinition } from '../clouds';
import { AuthPlan, planAuthentication } from './authentication';
import { adfStringLiteral, joinPathExpression, jsonStringContent, parameterRef } from './expressions';
import { Activity, ActivityDependency, PipelineDocument, PipelineParameter, expression } from './model';
import { ACTIVITY, PARAMETER, STATUS_CHECK_FAILED, TERMINAL_JOB_STATUSES, VARIABLE } from './names';
import {
  BatchPipelineOptions,
  BatchPipelineOptionsError,
  DEFAULT_INPUT_NAME,
  DEFAULT_LOOP_TIMEOUT,
  DEFAULT_OUTPUT_FILE,
  DEFAULT_OUTPUT_NAME,
  DEFAULT_PIPELINE_NAME,
  DEFAULT_POLL_INTERVAL_SECONDS,
  validateBatchPipelineOptions,
} from './options';

const DEFAULT_DESCRIPTION =
  'Runs an Azure ML batch endpoint job and waits until it ends; fails when the job does not complete.';

/** The pipeline for the options; throws BatchPipelineOptionsError (with every problem) when they are invalid. */
export function generateBatchPipeline(options: BatchPipelineOptions): PipelineDocument {
  const problems = validateBatchPipelineOptions(options);
  if (problems.length > 0) throw new BatchPipelineOptionsError(problems);

  const name = options.name ?? DEFAULT_PIPELINE_NAME;
  const cloud = resolveCloud(options.cloud);
  const auth = planAuthentication(options.auth, cloud);
  const authorize = auth.tokenActivity?.(ACTIVITY.authorize);

  const activities: Activity[] = [
    ...(authorize ? [authorize] : []),
    invokeActivity(options, auth, authorize ? [succeeded(ACTIVITY.authorize)] : []),
    pollingLoop(options, auth),
    failUnlessCompleted(),
  ];
  return {
    name,
    properties: {
      description: options.description ?? DEFAULT_DESCRIPTION,
      activities,
      parameters: pipelineParameters(options, name),
      variables: {
        [VARIABLE.jobStatus]: { type: 'String', defaultValue: '' },
        [VARIABLE.jobError]: { type: 'String', defaultValue: '' },
      },
      ...(options.folder !== undefined ? { folder: { name: options.folder } } : {}),
      annotations: [],
    },
  };
}

function resolveCloud(cloud: BatchPipelineOptions['cloud']): CloudDefinition {
  if (cloud === undefined) return AZURE_CLOUDS.AzureCloud;
  return typeof cloud === 'string' ? AZURE_CLOUDS[cloud] : cloud;
}

function pipelineParameters(options: BatchPipelineOptions, name: string): Record<string, PipelineParameter> {
  const withDefault = (defaultValue: string | undefined): PipelineParameter =>
    defaultValue === undefined ? { type: 'String' } : { type: 'String', defaultValue };
  const parameters: Record<string, PipelineParameter> = {
    [PARAMETER.endpointUri]: { type: 'String', defaultValue: options.endpointUri },
  };
  if (options.deploymentName !== undefined) parameters[PARAMETER.deploymentName] = withDefault(options.deploymentName);
  parameters[PARAMETER.pollInterval] = {
    type: 'Int',
    defaultValue: options.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS,
  };
  parameters[PARAMETER.inputUri] = withDefault(options.inputUri);
  parameters[PARAMETER.inputType] = withDefault(options.inputType ?? 'UriFolder');
  if (options.outputUri !== undefined) parameters[PARAMETER.outputUri] = withDefault(options.outputUri);
  else parameters[PARAMETER.outputFolder] = withDefault(options.outputFolder ?? defaultOutputFolder(name));
  const auth = options.auth;
  if (auth.kind === 'sp-keyvault' || auth.kind === 'sp-secret') {
    parameters[PARAMETER.tenantId] = withDefault(auth.tenantId);
    parameters[PARAMETER.clientId] = withDefault(auth.clientId);
  }
  // No default, ever: the secret is given per run (or by a caller pipeline) and ADF masks SecureString values.
  if (auth.kind === 'sp-secret') parameters[PARAMETER.clientSecret] = { type: 'SecureString' };
  return parameters;
}

/** `azureml://datastores/workspaceblobstore/paths/batch/<pipeline name made path-safe>` */
export function defaultOutputFolder(pipelineName: string): string {
  const segment = pipelineName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || DEFAULT_PIPELINE_NAME;
  return `azureml://datastores/workspaceblobstore/paths/batch/${segment}`;
}

/**
 * The job body as an interpolated string Expression: `{"value": "{\"properties\": ... @{...} ...}", "type":
 * "Expression"}`. Why this form: the ADF REST model types the Web activity body as "string (or Expression with
 * resultType string)", and an interpolated string is exactly that; it is also what ADF Studio writes when
 * dynamic content is typed into the body box, it reads as the JSON that is sent, and an evaluator only has to
 * substitute the `@{...}` holes to get the text (no `json()` round trip). `Content-Type: application/json`
 * makes the endpoint read it as JSON. Every hole is JSON-escaped (`"`, `\`, control characters), so any parameter value keeps
 * the body valid JSON; the per-run output path is joined without doubling a trailing `/` of the folder.
 */
export function jobBodyTemplate(options: BatchPipelineOptions): string {
  const outputUri =
    options.outputUri !== undefined
      ? parameterRef(PARAMETER.outputUri)
      : joinPathExpression(
          parameterRef(PARAMETER.outputFolder),
          `pipeline().RunId, ${adfStringLiteral(`/${DEFAULT_OUTPUT_FILE}`)}`,
        );
  // The holes are put in after JSON.stringify: their expression text holds `"` and `\`, which must reach ADF as
  // written (the template is evaluated as text; it is not read as JSON first).
  const holes: string[] = [];
  const hole = (value: string): string => `\u0000${holes.push(`@{${jsonStringContent(value)}}`) - 1}\u0000`;
  const text = JSON.stringify({
    properties: {
      InputData: {
        [options.inputName ?? DEFAULT_INPUT_NAME]: {
          JobInputType: hole(parameterRef(PARAMETER.inputType)),
          Uri: hole(parameterRef(PARAMETER.inputUri)),
        },
      },
      OutputData: {
        [options.outputName ?? DEFAULT_OUTPUT_NAME]: { JobOutputType: 'UriFile', Uri: hole(outputUri) },
      },
    },
  });
  return text.replace(/\\u0000(\d+)\\u0000/g, (_, index: string) => holes[Number(index)]);
}

function invokeActivity(options: BatchPipelineOptions, auth: AuthPlan, dependsOn: ActivityDependency[]): Activity {
  return {
    name: ACTIVITY.invoke,
    description: 'Starts the batch scoring job (POST to the scoring URI).',
    type: 'WebActivity',
    dependsOn,
    // No retry: a POST whose response was lost would start a second job.
    policy: {
      timeout: '0.00:10:00',
      retry: 0,
      retryIntervalInSeconds: 30,
      secureOutput: false,
      secureInput: auth.tokenInInput,
    },
    userProperties: [],
    typeProperties: {
      method: 'POST',
      url: expression(`@${parameterRef(PARAMETER.endpointUri)}`),
      headers: {
        'Content-Type': 'application/json',
        ...(options.deploymentName !== undefined
          ? { 'azureml-model-deployment': expression(`@${parameterRef(PARAMETER.deploymentName)}`) }
          : {}),
        ...auth.headersFor(ACTIVITY.authorize),
      },
      body: expression(jobBodyTemplate(options)),
      // The job resource is the answer: never follow a Location header of a 202 (that would block until done).
      turnOffAsync: true,
      httpRequestTimeout: '00:02:00',
      ...(auth.authentication ? { authentication: auth.authentication } : {}),
    },
  };
}

function pollingLoop(options: BatchPipelineOptions, auth: AuthPlan): Activity {
  const renew = auth.tokenActivity?.(ACTIVITY.renewToken);
  if (renew) renew.dependsOn = [succeeded(ACTIVITY.waitPoll)];
  const loopEnds = [...TERMINAL_JOB_STATUSES, STATUS_CHECK_FAILED].map(adfStringLiteral).join(', ');
  const check = `activity('${ACTIVITY.checkStatus}')`;
  return {
    name: ACTIVITY.loop,
    description: 'Polls the job until it is Completed, Failed or Canceled, or until its status cannot be read.',
    type: 'Until',
    dependsOn: [succeeded(ACTIVITY.invoke)],
    userProperties: [],
    typeProperties: {
      expression: expression(`@contains(createArray(${loopEnds}), variables('${VARIABLE.jobStatus}'))`),
      timeout: options.loopTimeout ?? DEFAULT_LOOP_TIMEOUT,
      activities: [
        {
          name: ACTIVITY.waitPoll,
          type: 'Wait',
          dependsOn: [],
          userProperties: [],
          typeProperties: { waitTimeInSeconds: expression(`@${parameterRef(PARAMETER.pollInterval)}`) },
        },
        // Tokens from the Authorize step expire after about an hour; jobs can run longer.
        ...(renew ? [renew] : []),
        checkStatusActivity(auth, renew ? ACTIVITY.renewToken : ACTIVITY.waitPoll),
        setVariable(
          ACTIVITY.setStatus,
          VARIABLE.jobStatus,
          `@${check}.output.properties.status`,
          succeeded(ACTIVITY.checkStatus),
        ),
        // Where the job reports its error is not confirmed: read both likely places, never fail on absence.
        setVariable(
          ACTIVITY.setError,
          VARIABLE.jobError,
          `@coalesce(${check}.output.properties?.error?.message, ${check}.output?.error?.message, '')`,
          succeeded(ACTIVITY.setStatus),
        ),
        // The failure path: "If an inner activity fails, the Until activity doesn't stop" (ADF docs, Until
        // activity), so a status check that keeps failing (401/403 without the role, 404 from a wrong URI) would
        // poll until the loop's timeout. Keep its error and end the loop with a marker status instead. With a
        // token renewed in the loop, Check status is skipped when the renewal fails: that ends the loop too.
        setVariable(
          ACTIVITY.setCheckError,
          VARIABLE.jobError,
          renew
            ? `@coalesce(${check}?.error?.message, activity('${ACTIVITY.renewToken}')?.error?.message, 'the status check did not run')`
            : `@coalesce(${check}?.error?.message, 'the status check failed')`,
          { activity: ACTIVITY.checkStatus, dependencyConditions: renew ? ['Failed', 'Skipped'] : ['Failed'] },
        ),
        setVariable(
          ACTIVITY.setCheckFailed,
          VARIABLE.jobStatus,
          STATUS_CHECK_FAILED,
          succeeded(ACTIVITY.setCheckError),
        ),
      ],
    },
  };
}

function checkStatusActivity(auth: AuthPlan, after: string): Activity {
  return {
    name: ACTIVITY.checkStatus,
    description: 'Reads the job (GET scoring URI / job name).',
    type: 'WebActivity',
    dependsOn: [succeeded(after)],
    // A GET is safe to retry through transient throttling or outages.
    policy: {
      timeout: '0.00:05:00',
      retry: 3,
      retryIntervalInSeconds: 30,
      secureOutput: false,
      secureInput: auth.tokenInInput,
    },
    userProperties: [],
    typeProperties: {
      method: 'GET',
      url: expression(
        `@${joinPathExpression(parameterRef(PARAMETER.endpointUri), `activity('${ACTIVITY.invoke}').output.name`)}`,
      ),
      headers: auth.headersFor(ACTIVITY.renewToken),
      ...(auth.authentication ? { authentication: auth.authentication } : {}),
    },
  };
}

function setVariable(name: string, variableName: string, value: string, after: ActivityDependency): Activity {
  return {
    name,
    type: 'SetVariable',
    dependsOn: [after],
    policy: { secureOutput: false, secureInput: false },
    userProperties: [],
    typeProperties: { variableName, value: value.startsWith('@') ? expression(value) : value },
  };
}

/**
 * Reads the variables the loop set (not the loop's inner activities, which ADF does not reliably expose). Runs
 * when the loop ended either way: a loop that ends on a failed status check fails itself (its last iteration
 * failed), and a loop that times out fails too; both still get a message that says what happened.
 */
function failUnlessCompleted(): Activity {
  const status = `variables('${VARIABLE.jobStatus}')`;
  const error = `variables('${VARIABLE.jobError}')`;
  const job = `activity('${ACTIVITY.invoke}').output.name`;
  const jobEnded = `contains(createArray(${TERMINAL_JOB_STATUSES.map(adfStringLiteral).join(', ')}), ${status})`;
  const endedMessage = `concat('Batch job ', ${job}, ' ended with status ', ${status}, if(empty(${error}), '.', concat(': ', ${error})))`;
  const checkMessage = `concat('Could not read the status of batch job ', ${job}, ': ', ${error})`;
  const loopMessage = `concat('Batch job ', ${job}, ' did not end while the loop polled it (last status ', if(empty(${status}), 'unknown', ${status}), '): ', coalesce(activity('${ACTIVITY.loop}')?.error?.message, 'the loop ended'))`;
  return {
    name: ACTIVITY.ifCompleted,
    description: 'Fails the pipeline run when the job did not complete.',
    type: 'IfCondition',
    dependsOn: [{ activity: ACTIVITY.loop, dependencyConditions: ['Completed'] }],
    userProperties: [],
    typeProperties: {
      expression: expression(`@equals(${status}, 'Completed')`),
      ifFalseActivities: [
        {
          name: ACTIVITY.fail,
          type: 'Fail',
          dependsOn: [],
          userProperties: [],
          typeProperties: {
            message: expression(
              `@if(equals(${status}, '${STATUS_CHECK_FAILED}'), ${checkMessage}, if(${jobEnded}, ${endedMessage}, ${loopMessage}))`,
            ),
            errorCode: expression(
              `@if(or(${jobEnded}, equals(${status}, '${STATUS_CHECK_FAILED}')), concat('BatchJob', ${status}), 'BatchJobPollingEnded')`,
            ),
          },
        },
      ],
    },
  };
}

function succeeded(activity: string): ActivityDependency {
  return { activity, dependencyConditions: ['Succeeded'] };
}
