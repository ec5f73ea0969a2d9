import * as assert from 'node:assert/strict';
import {
  ACTIVITY,
  PARAMETER,
  generateBatchPipeline,
  type AuthKind,
  type BatchPipelineOptions,
} from '../../../src/core/pipeline';
import { documentedTemplate } from '../../fixtures/documented-template';
import { activity, applyFix, codesOf, covered, only, pipeline, problemsOf, text } from './helpers';

type Doc = { name: string; properties: { activities: Record<string, any>[]; parameters: Record<string, any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any

function options(kind: AuthKind, extra: Partial<BatchPipelineOptions> = {}): BatchPipelineOptions {
  const auth: BatchPipelineOptions['auth'] =
    kind === 'mi'
      ? { kind }
      : kind === 'sp-secret'
        ? { kind, tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' }
        : { kind: 'uami', credentialName: 'uami' };
  return {
    endpointUri: 'https://churn.westeurope.inference.ml.azure.com/jobs',
    inputUri: 'azureml://datastores/workspaceblobstore/paths/in/',
    auth,
    ...extra,
  };
}

function generated(kind: AuthKind = 'mi', extra: Partial<BatchPipelineOptions> = {}): Doc {
  return JSON.parse(JSON.stringify(generateBatchPipeline(options(kind, extra)))) as Doc;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- activities of any type, read loosely */
function byName(doc: Doc, name: string): Record<string, any> {
  const visit = (list: Record<string, any>[]): Record<string, any> | undefined => {
    for (const a of list) {
      if (a.name === name) return a;
      const nested = visit(a.typeProperties?.activities ?? []);
      if (nested) return nested;
    }
    return undefined;
  };
  const found = visit(doc.properties.activities);
  assert.ok(found, name);
  return found;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A batch invocation with a plain JSON object body. */
function invoke(body: unknown, typeProperties: Record<string, unknown> = {}): ReturnType<typeof activity> {
  return activity('Run Batch-Endpoint', 'WebActivity', {
    method: 'POST',
    url: 'https://e.westeurope.inference.ml.azure.com/jobs',
    body: body as never,
    authentication: { type: 'MSI', resource: 'https://ml.azure.com' },
    ...(typeProperties as Record<string, never>),
  });
}

const input = { input_data: { JobInputType: 'UriFolder', Uri: 'azureml://datastores/ws/paths/in/' } };

describe('validator: batch endpoints (ADF701-ADF708)', () => {
  it('the generated pipeline is recognised: changing its loop or audience is reported', () => {
    const doc = generated();
    byName(doc, ACTIVITY.invoke).typeProperties.authentication.resource = 'https://management.azure.com/';
    assert.ok(codesOf(text(doc as never)).includes('ADF705'));
  });

  it('ADF701: the ARM Jobs API body shape and a body without InputData', () => {
    const arm = problemsOf(
      pipeline([
        invoke({ properties: { inputs: { x: { jobInputType: 'uri_folder', uri: 'azureml://x' } }, InputData: {} } }),
      ]),
    );
    assert.match(only(arm, 'ADF701').message, /ARM Jobs API/);
    const noInput = problemsOf(pipeline([invoke({ properties: { OutputData: {} } })]));
    assert.ok(noInput.some((p) => p.code === 'ADF701' && /InputData/.test(p.message)));
  });

  it('ADF701: a POST to a scoring URI whose body is not the job shape', () => {
    assert.equal(only(problemsOf(pipeline([invoke({ data: [1, 2] })])), 'ADF701').severity, 'error');
  });

  it('ADF702: input types, also through a parameter default inside the interpolated body', () => {
    const literal = problemsOf(
      pipeline([
        invoke({
          properties: { InputData: { d: { JobInputType: 'uri_folder', Uri: 'azureml://datastores/ws/paths/in/' } } },
        }),
      ]),
    );
    assert.match(only(literal, 'ADF702').message, /UriFolder/);
    const doc = generated();
    doc.properties.parameters[PARAMETER.inputType].defaultValue = 'Table';
    const source = text(doc as never);
    const problem = only(problemsOf(source), 'ADF702');
    assert.match(
      covered(source, problem),
      /^\\"@\{(?:replace\()+pipeline\(\)\.parameters\.endpoint_input_type, .*\)\}\\"$/,
      'the range is the value inside the body string',
    );
    assert.equal(problem.severity, 'error');
    const mltable = problemsOf(
      pipeline([invoke({ properties: { InputData: { d: { JobInputType: 'MLTable', Uri: 'azureml://x' } } } })]),
    );
    assert.equal(only(mltable, 'ADF702').severity, 'warning');
  });

  it('ADF703: the output must be a file on a registered datastore', () => {
    const out = (uri: string, type = 'UriFile'): string[] =>
      codesOf(
        pipeline([
          invoke({ properties: { InputData: input, OutputData: { score: { JobOutputType: type, Uri: uri } } } }),
        ]),
      );
    assert.ok(out('https://acct.blob.core.windows.net/c/out.csv').includes('ADF703'));
    assert.ok(out('azureml://datastores/ws/paths/out/').includes('ADF703'));
    assert.ok(out("@{concat('azureml://datastores/ws/paths/', pipeline().RunId, '/')}").includes('ADF703'));
    assert.ok(
      out("@{concat('azureml://datastores/ws/paths/out/', pipeline().RunId, '.csv')}", 'UriFolder').includes('ADF703'),
    );
    assert.deepEqual(out("@{concat('azureml://datastores/ws/paths/out/', pipeline().RunId, '.csv')}"), []);
  });

  it('ADF704: a fixed output path (literal, or a parameter default) is a warning; a per-run path is not', () => {
    const literal = problemsOf(
      pipeline([
        invoke({
          properties: {
            InputData: input,
            OutputData: { score: { JobOutputType: 'UriFile', Uri: 'azureml://datastores/ws/paths/out/p.csv' } },
          },
        }),
      ]),
    );
    assert.equal(only(literal, 'ADF704').severity, 'warning');
    const viaParameter = problemsOf(
      text(generated('mi', { outputUri: 'azureml://datastores/ws/paths/fixed.csv' }) as never),
    );
    assert.match(only(viaParameter, 'ADF704').message, /endpoint_output_uri/);
    assert.deepEqual(codesOf(text(generated() as never)), []);
  });

  it('ADF705: a token for the ARM audience is an error, an unknown audience a warning, every cloud ML audience passes', () => {
    const withResource = (resource: string): ReturnType<typeof problemsOf> => {
      const doc = generated();
      byName(doc, ACTIVITY.invoke).typeProperties.authentication.resource = resource;
      byName(doc, ACTIVITY.checkStatus).typeProperties.authentication.resource = 'https://ml.azure.com';
      return problemsOf(text(doc as never));
    };
    assert.equal(only(withResource('https://management.azure.com/'), 'ADF705').severity, 'error');
    assert.equal(only(withResource('https://example.org'), 'ADF705').severity, 'warning');
    for (const ok of ['https://ml.azure.com/', 'https://ml.azure.cn', 'https://ml.azure.us/.default'])
      assert.deepEqual(withResource(ok), []);
  });

  it('ADF705: the resource of a client-credentials token request feeding the calls is checked', () => {
    const doc = generated('sp-secret');
    const authorize = byName(doc, ACTIVITY.authorize);
    authorize.typeProperties.body.value = String(authorize.typeProperties.body.value).replace(
      "'https://ml.azure.com'",
      "'https://management.core.windows.net/'",
    );
    const problem = only(problemsOf(text(doc as never)), 'ADF705');
    assert.equal(problem.severity, 'error');
    assert.deepEqual(codesOf(text(generated('sp-secret') as never)), []);
  });

  it('ADF706: a polling loop that does not stop on Canceled, with a fix', () => {
    const doc = generated();
    const loop = byName(doc, ACTIVITY.loop);
    loop.typeProperties.expression.value = "@contains(createArray('Completed', 'Failed'), variables('job_status'))";
    const source = text(doc as never);
    const problem = only(problemsOf(source), 'ADF706');
    assert.match(problem.message, /Canceled/);
    const fixed = applyFix(source, problem.fix);
    assert.deepEqual(codesOf(fixed), []);
    assert.match(JSON.stringify(JSON.parse(fixed)), /equals\(variables\('job_status'\), 'Canceled'\)/);
  });

  it('ADF706: the documented loop (Completed or Failed via equals) gets a fix for Canceled; "Cancelled" is called out', () => {
    const doc = generated();
    const status = "activity('Check status').output.properties.status";
    const loop = byName(doc, ACTIVITY.loop);
    loop.typeProperties.expression.value = `@or(equals(${status}, 'Completed'), equals(${status}, 'Cancelled'))`;
    const source = text(doc as never);
    const problem = only(problemsOf(source), 'ADF706');
    assert.match(problem.message, /Failed or Canceled.*spelled "Canceled"/);
    assert.deepEqual(codesOf(applyFix(source, problem.fix)), []);
  });

  it('ADF706: found also when the job body is built by @concat and the URL is a parameter (the template style)', () => {
    const doc = generated();
    const run = byName(doc, ACTIVITY.invoke);
    run.typeProperties.url = { value: '@pipeline().parameters.endpoint_uri', type: 'Expression' };
    doc.properties.parameters[PARAMETER.endpointUri] = { type: 'String' }; // no default: the URL is unknown before a run
    run.typeProperties.body = {
      value:
        '@concat(\'{"properties":{"InputData":{"in":{"JobInputType":"UriFolder","Uri":"\', pipeline().parameters.endpoint_input_uri, \'"}}}}\')',
      type: 'Expression',
    };
    const loop = byName(doc, ACTIVITY.loop);
    loop.typeProperties.expression.value = "@contains(createArray('Completed', 'Failed'), variables('job_status'))";
    assert.match(only(problemsOf(text(doc as never)), 'ADF706').message, /Canceled/);
  });

  it('ADF707: a polling loop without a timeout is information, with a fix that adds one', () => {
    const doc = generated();
    delete byName(doc, ACTIVITY.loop).typeProperties.timeout;
    const source = text(doc as never);
    const problem = only(problemsOf(source), 'ADF707');
    assert.equal(problem.severity, 'info');
    const fixed = applyFix(source, problem.fix);
    assert.deepEqual(codesOf(fixed), []);
    assert.equal(byName(JSON.parse(fixed) as Doc, ACTIVITY.loop).typeProperties.timeout, '0.12:00:00');
  });

  it('ADF708: a status check without a failure path is a warning; the documented template gets it, the generated pipeline not', () => {
    const documented = JSON.stringify(
      { name: 'Run-BatchEndpoint', properties: documentedTemplate('0.12:00:00') },
      null,
      2,
    );
    const problem = only(problemsOf(documented), 'ADF708');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /"Check status" has no failure path.*keeps polling until its timeout/);
    for (const kind of ['mi', 'sp-secret'] as const)
      assert.ok(!codesOf(text(generated(kind) as never)).includes('ADF708'), kind);
    // Without the generated failure path (its two Set Variable activities), the same loop gets the warning.
    const doc = generated();
    const loop = byName(doc, ACTIVITY.loop);
    loop.typeProperties.activities = loop.typeProperties.activities.filter(
      (a: { name: string }) => a.name !== ACTIVITY.setCheckError && a.name !== ACTIVITY.setCheckFailed,
    );
    assert.equal(only(problemsOf(text(doc as never)), 'ADF708').code, 'ADF708');
    // A Completed follower is a failure path too.
    byName(doc, ACTIVITY.setStatus).dependsOn = [
      { activity: ACTIVITY.checkStatus, dependencyConditions: ['Completed'] },
    ];
    assert.ok(!codesOf(text(doc as never)).includes('ADF708'));
  });

  it('other Web POSTs are not batch endpoint calls', () => {
    const synapse = activity('Start', 'WebActivity', {
      method: 'POST',
      url: 'https://ws.dev.azuresynapse.net/pipelines/x/createRun',
      body: { a: 1 },
      authentication: { type: 'MSI', resource: 'https://dev.azuresynapse.net/' },
    });
    assert.deepEqual(codesOf(pipeline([synapse])), []);
  });
});
