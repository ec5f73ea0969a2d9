import * as assert from 'node:assert/strict';
import { AZURE_CLOUDS, CLOUD_NAMES, customCloud } from '../../../src/core/clouds';
import { evaluateValue } from '../../../src/core/expressions';
import {
  validateBatchPipelineOptions,
  ACTIVITY,
  Activity,
  BatchPipelineOptionsError,
  Expression,
  JsonObject,
  JsonValue,
  PARAMETER,
  VARIABLE,
  generateBatchPipeline,
  toGitJson,
} from '../../../src/core/pipeline';
import { SCORING_URI, VARIANTS, activity, allActivities, allStrings, fillHoles, optionsFor } from './variants';

const exprValue = (value: JsonValue | undefined): string => (value as Expression).value;
const deps = (a: Activity): string[] => a.dependsOn.map((d) => `${d.activity}:${d.dependencyConditions.join('|')}`);
const auth = (a: Activity): JsonObject | undefined => a.typeProperties['authentication'] as JsonObject | undefined;
const headers = (a: Activity): JsonObject => (a.typeProperties['headers'] ?? {}) as JsonObject;

describe('pipeline generator', () => {
  describe('activities per authentication variant', () => {
    const expected: Record<string, { top: string[]; loop: string[] }> = {
      mi: {
        top: [ACTIVITY.invoke, ACTIVITY.loop, ACTIVITY.ifCompleted],
        loop: [
          ACTIVITY.waitPoll,
          ACTIVITY.checkStatus,
          ACTIVITY.setStatus,
          ACTIVITY.setError,
          ACTIVITY.setCheckError,
          ACTIVITY.setCheckFailed,
        ],
      },
      uami: {
        top: [ACTIVITY.invoke, ACTIVITY.loop, ACTIVITY.ifCompleted],
        loop: [
          ACTIVITY.waitPoll,
          ACTIVITY.checkStatus,
          ACTIVITY.setStatus,
          ACTIVITY.setError,
          ACTIVITY.setCheckError,
          ACTIVITY.setCheckFailed,
        ],
      },
      'sp-keyvault': {
        top: [ACTIVITY.invoke, ACTIVITY.loop, ACTIVITY.ifCompleted],
        loop: [
          ACTIVITY.waitPoll,
          ACTIVITY.checkStatus,
          ACTIVITY.setStatus,
          ACTIVITY.setError,
          ACTIVITY.setCheckError,
          ACTIVITY.setCheckFailed,
        ],
      },
      'sp-secret': {
        top: [ACTIVITY.authorize, ACTIVITY.invoke, ACTIVITY.loop, ACTIVITY.ifCompleted],
        loop: [
          ACTIVITY.waitPoll,
          ACTIVITY.renewToken,
          ACTIVITY.checkStatus,
          ACTIVITY.setStatus,
          ACTIVITY.setError,
          ACTIVITY.setCheckError,
          ACTIVITY.setCheckFailed,
        ],
      },
    };
    for (const kind of VARIANTS) {
      it(`${kind}: documented names, our additions, and a dependency chain`, () => {
        const pipeline = generateBatchPipeline(optionsFor(kind));
        assert.equal(pipeline.name, 'Run-BatchEndpoint');
        assert.deepEqual(
          pipeline.properties.activities.map((a) => a.name),
          expected[kind].top,
        );
        const loop = activity(pipeline, ACTIVITY.loop);
        assert.equal(loop.type, 'Until');
        assert.deepEqual(
          (loop.typeProperties['activities'] as unknown as Activity[]).map((a) => a.name),
          expected[kind].loop,
        );

        assert.deepEqual(
          deps(activity(pipeline, ACTIVITY.invoke)),
          kind === 'sp-secret' ? ['Authorize:Succeeded'] : [],
        );
        assert.deepEqual(deps(loop), ['Run Batch-Endpoint:Succeeded']);
        assert.deepEqual(
          deps(activity(pipeline, ACTIVITY.ifCompleted)),
          ['Wait for job:Completed'],
          'the final check also runs when the loop failed',
        );
        assert.deepEqual(deps(activity(pipeline, ACTIVITY.checkStatus)), [
          kind === 'sp-secret' ? 'Renew token:Succeeded' : 'Wait poll interval:Succeeded',
        ]);
        assert.deepEqual(deps(activity(pipeline, ACTIVITY.setStatus)), ['Check status:Succeeded']);
        assert.deepEqual(deps(activity(pipeline, ACTIVITY.setCheckError)), [
          kind === 'sp-secret' ? 'Check status:Failed|Skipped' : 'Check status:Failed',
        ]);
        assert.deepEqual(deps(activity(pipeline, ACTIVITY.setCheckFailed)), ['Set status check error:Succeeded']);

        const names = allActivities(pipeline).map((a) => a.name.toLowerCase());
        assert.equal(new Set(names).size, names.length, 'activity names are unique, case-insensitively');
      });
    }
  });

  it('mi: the factory identity gets an ML-audience token; no Authorize, no Authorization header', () => {
    const pipeline = generateBatchPipeline(optionsFor('mi'));
    for (const name of [ACTIVITY.invoke, ACTIVITY.checkStatus]) {
      assert.deepEqual(auth(activity(pipeline, name)), { type: 'MSI', resource: 'https://ml.azure.com' });
      assert.equal(headers(activity(pipeline, name))['Authorization'], undefined);
    }
    assert.equal(pipeline.properties.parameters[PARAMETER.clientSecret], undefined);
  });

  it('uami: UserAssignedManagedIdentity with a reference to the ADF credential', () => {
    const pipeline = generateBatchPipeline(optionsFor('uami'));
    for (const name of [ACTIVITY.invoke, ACTIVITY.checkStatus]) {
      assert.deepEqual(auth(activity(pipeline, name)), {
        type: 'UserAssignedManagedIdentity',
        resource: 'https://ml.azure.com',
        credential: { referenceName: 'batch-uami', type: 'CredentialReference' },
      });
    }
  });

  it('sp-keyvault: ServicePrincipal authentication with the secret in Key Vault and no Authorize step', () => {
    const pipeline = generateBatchPipeline(optionsFor('sp-keyvault'));
    assert.ok(!allActivities(pipeline).some((a) => a.name === ACTIVITY.authorize));
    for (const name of [ACTIVITY.invoke, ACTIVITY.checkStatus]) {
      assert.deepEqual(auth(activity(pipeline, name)), {
        type: 'ServicePrincipal',
        userTenant: { value: '@pipeline().parameters.tenant_id', type: 'Expression' },
        username: { value: '@pipeline().parameters.client_id', type: 'Expression' },
        resource: 'https://ml.azure.com',
        password: {
          type: 'AzureKeyVaultSecret',
          store: { referenceName: 'KeyVault-Secrets', type: 'LinkedServiceReference' },
          secretName: 'batch-sp-secret',
        },
      });
    }
    const parameters = pipeline.properties.parameters;
    assert.deepEqual(parameters[PARAMETER.tenantId], { type: 'String', defaultValue: 'contoso.onmicrosoft.com' });
    assert.deepEqual(parameters[PARAMETER.clientId], {
      type: 'String',
      defaultValue: '11111111-2222-3333-4444-555555555555',
    });
    assert.equal(parameters[PARAMETER.clientSecret], undefined);
  });

  it('sp-secret: Authorize posts client credentials to the v1 token endpoint, everything carrying secret or token is secure', () => {
    const pipeline = generateBatchPipeline(optionsFor('sp-secret'));
    assert.deepEqual(pipeline.properties.parameters[PARAMETER.clientSecret], { type: 'SecureString' });
    for (const name of [ACTIVITY.authorize, ACTIVITY.renewToken]) {
      const token = activity(pipeline, name);
      assert.equal(token.typeProperties['method'], 'POST');
      assert.equal(
        exprValue(token.typeProperties['url']),
        "@concat('https://login.microsoftonline.com/', pipeline().parameters.tenant_id, '/oauth2/token')",
      );
      const body = exprValue(token.typeProperties['body']);
      assert.match(body, /grant_type=client_credentials/);
      assert.match(body, /encodeUriComponent\(pipeline\(\)\.parameters\.client_secret\)/);
      assert.match(body, /'&resource=', encodeUriComponent\('https:\/\/ml\.azure\.com'\)/);
      assert.deepEqual(headers(token), { 'Content-Type': 'application/x-www-form-urlencoded' });
      assert.equal(token.policy?.secureInput, true, `${name} hides the secret`);
      assert.equal(token.policy?.secureOutput, true, `${name} hides the token`);
    }
    assert.equal(
      exprValue(headers(activity(pipeline, ACTIVITY.invoke))['Authorization']),
      "Bearer @{activity('Authorize').output.access_token}",
    );
    assert.equal(
      exprValue(headers(activity(pipeline, ACTIVITY.checkStatus))['Authorization']),
      "Bearer @{activity('Renew token').output.access_token}",
    );
    for (const name of [ACTIVITY.invoke, ACTIVITY.checkStatus]) {
      assert.equal(activity(pipeline, name).policy?.secureInput, true, `${name} hides the token in its headers`);
      assert.equal(auth(activity(pipeline, name)), undefined);
    }
  });

  it('puts no secret literal anywhere, in any variant', () => {
    for (const kind of VARIANTS) {
      const pipeline = generateBatchPipeline(optionsFor(kind));
      const strings = allStrings(pipeline as unknown as JsonValue);
      for (const { path, text } of strings) {
        assert.doesNotMatch(
          text,
          /client_secret=(?!', )/,
          `${kind} ${path}: the secret only enters through the parameter`,
        );
        assert.doesNotMatch(text, /^Bearer [A-Za-z0-9-_.]{20,}$/, `${kind} ${path}: no literal token`);
      }
      for (const a of allActivities(pipeline)) {
        const password = auth(a)?.['password'] as JsonObject | undefined;
        if (password)
          assert.equal(password['type'], 'AzureKeyVaultSecret', `${kind} ${a.name}: password only from Key Vault`);
      }
      for (const [name, parameter] of Object.entries(pipeline.properties.parameters)) {
        if (parameter.type === 'SecureString')
          assert.equal(parameter.defaultValue, undefined, `${kind} ${name} has no default`);
      }
      assert.doesNotMatch(toGitJson(pipeline), /"SecureString",\s*"value"/, `${kind}: no inline SecureString value`);
    }
  });

  describe('clouds', () => {
    for (const name of CLOUD_NAMES) {
      it(`${name}: every token is for that cloud's ML audience, Authorize uses its authority`, () => {
        const cloud = AZURE_CLOUDS[name];
        for (const kind of VARIANTS) {
          const pipeline = generateBatchPipeline(optionsFor(kind, { cloud: name }));
          for (const a of allActivities(pipeline)) {
            const resource = auth(a)?.['resource'];
            if (resource !== undefined) assert.equal(resource, cloud.mlAudience, `${kind} ${a.name}`);
          }
          const text = toGitJson(pipeline);
          for (const other of CLOUD_NAMES.filter((n) => n !== name)) {
            assert.ok(
              !text.includes(AZURE_CLOUDS[other].mlAudience + '"'),
              `${kind} mentions no other cloud's audience`,
            );
          }
          if (kind === 'sp-secret') {
            const url = exprValue(activity(pipeline, ACTIVITY.authorize).typeProperties['url']);
            assert.ok(url.startsWith(`@concat('${cloud.authorityHost}/'`), url);
            assert.ok(
              exprValue(activity(pipeline, ACTIVITY.authorize).typeProperties['body']).includes(
                `encodeUriComponent('${cloud.mlAudience}')`,
              ),
            );
          }
        }
      });
    }

    it('a custom cloud (like the emulator) supplies its own audience and authority', () => {
      const cloud = customCloud({
        resourceManagerEndpoint: 'https://127.0.0.1:4443',
        authorityHost: 'https://127.0.0.1:4443/',
        mlAudience: 'https://ml.azure.com',
      });
      const pipeline = generateBatchPipeline(optionsFor('sp-secret', { cloud }));
      assert.ok(
        exprValue(activity(pipeline, ACTIVITY.authorize).typeProperties['url']).startsWith(
          "@concat('https://127.0.0.1:4443/', ",
        ),
      );
    });
  });

  describe('the job body', () => {
    // Each hole is JSON-escaped by nested replace() calls (`\\`, `"`, then the 32 control characters written as
    // decodeUriComponent('%XX')); the table is keyed by the <value> inside them.
    const unescaped = (expression: string): string => {
      const layer = /^replace\((.*), (?:'(?:[^']|'')*'|decodeUriComponent\('%[0-9A-F]{2}'\)), '(?:[^']|'')*'\)$/s;
      let inner = expression;
      let layers = 0;
      for (let match = layer.exec(inner); match; match = layer.exec(inner), layers++) inner = match[1]!;
      return layers === 34 ? inner : `<<not escaped (${layers} replace layers) ${expression}>>`;
    };
    const sample = (expression: string): string =>
      ({
        'pipeline().parameters.endpoint_input_type': 'UriFolder',
        'pipeline().parameters.endpoint_input_uri': 'azureml://datastores/in/paths/x/',
        'pipeline().parameters.endpoint_output_uri': 'azureml://datastores/out/paths/fixed.csv',
        "concat(pipeline().parameters.endpoint_output_folder, if(endsWith(pipeline().parameters.endpoint_output_folder, '/'), '', '/'), pipeline().RunId, '/predictions.csv')":
          'azureml://datastores/out/paths/RUN-1/predictions.csv',
      })[unescaped(expression)] ?? `<<unexpected hole ${expression}>>`;

    it('is an interpolated string Expression that yields the documented InputData/OutputData JSON', () => {
      const invoke = activity(generateBatchPipeline(optionsFor('mi')), ACTIVITY.invoke);
      const body = invoke.typeProperties['body'] as Expression;
      assert.equal(body.type, 'Expression');
      assert.ok(!body.value.startsWith('@'), 'a template, not a single expression');
      assert.deepEqual(JSON.parse(fillHoles(body.value, sample)), {
        properties: {
          InputData: { input_data: { JobInputType: 'UriFolder', Uri: 'azureml://datastores/in/paths/x/' } },
          OutputData: {
            score: { JobOutputType: 'UriFile', Uri: 'azureml://datastores/out/paths/RUN-1/predictions.csv' },
          },
        },
      });
      assert.equal(headers(invoke)['Content-Type'], 'application/json');
      assert.equal(exprValue(invoke.typeProperties['url']), '@pipeline().parameters.endpoint_uri');
      assert.equal(invoke.typeProperties['turnOffAsync'], true);
    });

    it('stays valid JSON for any parameter value and joins paths without doubling "/" (evaluated)', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi'));
      const tricky = 'azureml://datastores/in/paths/a "quoted" \\ back\\slash/';
      const context = {
        pipeline: {
          RunId: 'RUN-1',
          parameters: {
            endpoint_input_type: 'UriFolder',
            endpoint_input_uri: tricky,
            endpoint_output_folder: 'azureml://datastores/out/paths/batch/',
            endpoint_uri: 'https://x/jobs/',
          },
        },
        activity: (name: string) => (name === ACTIVITY.invoke ? { output: { name: 'job-1' } } : undefined),
      };
      const body = JSON.parse(
        evaluateValue(exprValue(activity(pipeline, ACTIVITY.invoke).typeProperties['body']), context) as string,
      );
      assert.equal(body.properties.InputData.input_data.Uri, tricky);
      assert.equal(body.properties.OutputData.score.Uri, 'azureml://datastores/out/paths/batch/RUN-1/predictions.csv');
      assert.equal(
        evaluateValue(exprValue(activity(pipeline, ACTIVITY.checkStatus).typeProperties['url']), context),
        'https://x/jobs/job-1',
      );
      const withoutSlash = {
        ...context,
        pipeline: {
          ...context.pipeline,
          parameters: {
            ...context.pipeline.parameters,
            endpoint_output_folder: 'azureml://datastores/out/paths/b',
            endpoint_uri: 'https://x/jobs',
          },
        },
      };
      assert.equal(
        JSON.parse(
          evaluateValue(exprValue(activity(pipeline, ACTIVITY.invoke).typeProperties['body']), withoutSlash) as string,
        ).properties.OutputData.score.Uri,
        'azureml://datastores/out/paths/b/RUN-1/predictions.csv',
      );
      assert.equal(
        evaluateValue(exprValue(activity(pipeline, ACTIVITY.checkStatus).typeProperties['url']), withoutSlash),
        'https://x/jobs/job-1',
      );
    });

    it('stays valid JSON when a value holds a newline, tab, every other control character, " and \\ (evaluated)', () => {
      const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
      const values = {
        endpoint_input_type: 'Uri\tFolder\n',
        endpoint_input_uri: `azureml://datastores/in/paths/a\nb\tc "q" \\ d/${controls}`,
        endpoint_output_folder: 'azureml://datastores/out/paths/line\r\nbreak/',
      };
      for (const kind of VARIANTS) {
        const pipeline = generateBatchPipeline(optionsFor(kind));
        const text = evaluateValue(exprValue(activity(pipeline, ACTIVITY.invoke).typeProperties['body']), {
          pipeline: { RunId: 'RUN-1', parameters: { ...values, endpoint_uri: 'https://x/jobs' } },
        }) as string;
        const body = JSON.parse(text);
        assert.equal(body.properties.InputData.input_data.JobInputType, values.endpoint_input_type, kind);
        assert.equal(body.properties.InputData.input_data.Uri, values.endpoint_input_uri, kind);
        assert.equal(
          body.properties.OutputData.score.Uri,
          'azureml://datastores/out/paths/line\r\nbreak/RUN-1/predictions.csv',
          kind,
        );
      }
    });

    it('writes to a per-run path by default, built from pipeline().RunId', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi'));
      assert.deepEqual(pipeline.properties.parameters[PARAMETER.outputFolder], {
        type: 'String',
        defaultValue: 'azureml://datastores/workspaceblobstore/paths/batch/Run-BatchEndpoint',
      });
      assert.equal(pipeline.properties.parameters[PARAMETER.outputUri], undefined);
      const body = exprValue(activity(pipeline, ACTIVITY.invoke).typeProperties['body']);
      assert.ok(
        body.includes(
          "concat(pipeline().parameters.endpoint_output_folder, if(endsWith(pipeline().parameters.endpoint_output_folder, '/'), '', '/'), pipeline().RunId, '/predictions.csv')",
        ),
        body,
      );
    });

    it('keeps a fixed output file only when asked for one', () => {
      const pipeline = generateBatchPipeline(
        optionsFor('mi', { outputUri: 'azureml://datastores/out/paths/fixed.csv' }),
      );
      assert.deepEqual(pipeline.properties.parameters[PARAMETER.outputUri], {
        type: 'String',
        defaultValue: 'azureml://datastores/out/paths/fixed.csv',
      });
      assert.equal(pipeline.properties.parameters[PARAMETER.outputFolder], undefined);
      const body = exprValue(activity(pipeline, ACTIVITY.invoke).typeProperties['body']);
      assert.ok(!body.includes('RunId'));
      assert.equal(
        JSON.parse(fillHoles(body, sample)).properties.OutputData.score.Uri,
        'azureml://datastores/out/paths/fixed.csv',
      );
    });

    it('uses the input type, names, folder and deployment given', () => {
      const pipeline = generateBatchPipeline(
        optionsFor('mi', {
          name: 'Score churn nightly',
          inputType: 'UriFile',
          inputName: 'customers',
          outputName: 'predictions',
          deploymentName: 'blue',
          folder: 'ML/Batch',
          description: 'Nightly churn scoring',
        }),
      );
      const invoke = activity(pipeline, ACTIVITY.invoke);
      const parsed = JSON.parse(fillHoles(exprValue(invoke.typeProperties['body']), () => 'x'));
      assert.deepEqual(Object.keys(parsed.properties.InputData), ['customers']);
      assert.deepEqual(Object.keys(parsed.properties.OutputData), ['predictions']);
      assert.deepEqual(pipeline.properties.parameters[PARAMETER.inputType], {
        type: 'String',
        defaultValue: 'UriFile',
      });
      assert.deepEqual(pipeline.properties.parameters[PARAMETER.deploymentName], {
        type: 'String',
        defaultValue: 'blue',
      });
      assert.equal(exprValue(headers(invoke)['azureml-model-deployment']), '@pipeline().parameters.deployment_name');
      assert.deepEqual(pipeline.properties.folder, { name: 'ML/Batch' });
      assert.equal(pipeline.properties.description, 'Nightly churn scoring');
      assert.equal(
        pipeline.properties.parameters[PARAMETER.outputFolder].defaultValue as string,
        'azureml://datastores/workspaceblobstore/paths/batch/Score-churn-nightly',
      );
    });

    it('sends no deployment header unless a deployment is given', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi'));
      assert.equal(headers(activity(pipeline, ACTIVITY.invoke))['azureml-model-deployment'], undefined);
      assert.equal(pipeline.properties.parameters[PARAMETER.deploymentName], undefined);
    });
  });

  describe('the polling loop and the failure path', () => {
    it('exits on Completed, Failed and Canceled, read from a variable the loop sets', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi'));
      const loop = activity(pipeline, ACTIVITY.loop);
      const condition = exprValue(loop.typeProperties['expression']);
      assert.equal(
        condition,
        "@contains(createArray('Completed', 'Failed', 'Canceled', 'StatusCheckFailed'), variables('job_status'))",
      );
      assert.equal(activity(pipeline, ACTIVITY.setCheckFailed).typeProperties['value'], 'StatusCheckFailed');
      assert.equal(activity(pipeline, ACTIVITY.setCheckFailed).typeProperties['variableName'], VARIABLE.jobStatus);
      assert.equal(
        exprValue(activity(pipeline, ACTIVITY.setCheckError).typeProperties['value']),
        "@coalesce(activity('Check status')?.error?.message, 'the status check failed')",
      );
      assert.equal(loop.typeProperties['timeout'], '0.12:00:00');
      const setStatus = activity(pipeline, ACTIVITY.setStatus);
      assert.equal(setStatus.typeProperties['variableName'], VARIABLE.jobStatus);
      assert.equal(exprValue(setStatus.typeProperties['value']), "@activity('Check status').output.properties.status");
      assert.equal(activity(pipeline, ACTIVITY.setError).typeProperties['variableName'], VARIABLE.jobError);
      assert.deepEqual(pipeline.properties.variables, {
        job_status: { type: 'String', defaultValue: '' },
        job_error: { type: 'String', defaultValue: '' },
      });
    });

    it('polls the job by name at poll_interval (Int parameter)', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi', { pollIntervalSeconds: 30, loopTimeout: '1.00:00:00' }));
      assert.deepEqual(pipeline.properties.parameters[PARAMETER.pollInterval], { type: 'Int', defaultValue: 30 });
      assert.equal(
        exprValue(activity(pipeline, ACTIVITY.waitPoll).typeProperties['waitTimeInSeconds']),
        '@pipeline().parameters.poll_interval',
      );
      assert.equal(activity(pipeline, ACTIVITY.loop).typeProperties['timeout'], '1.00:00:00');
      const check = activity(pipeline, ACTIVITY.checkStatus);
      assert.equal(check.typeProperties['method'], 'GET');
      assert.equal(
        exprValue(check.typeProperties['url']),
        "@concat(pipeline().parameters.endpoint_uri, if(endsWith(pipeline().parameters.endpoint_uri, '/'), '', '/'), activity('Run Batch-Endpoint').output.name)",
      );
      assert.ok((check.policy?.retry ?? 0) > 0, 'a GET is retried');
      assert.equal(
        activity(pipeline, ACTIVITY.invoke).policy?.retry,
        0,
        'the POST is not (it would start a second job)',
      );
    });

    it('fails the run with the status and error when the job did not complete', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi'));
      const ifCompleted = activity(pipeline, ACTIVITY.ifCompleted);
      assert.equal(ifCompleted.type, 'IfCondition');
      assert.equal(
        exprValue(ifCompleted.typeProperties['expression']),
        "@equals(variables('job_status'), 'Completed')",
      );
      assert.equal(ifCompleted.typeProperties['ifTrueActivities'], undefined);
      const [fail] = ifCompleted.typeProperties['ifFalseActivities'] as unknown as Activity[];
      assert.equal(fail.name, ACTIVITY.fail);
      assert.equal(fail.type, 'Fail');
      const message = exprValue(fail.typeProperties['message']);
      assert.match(message, /variables\('job_status'\)/);
      assert.match(message, /variables\('job_error'\)/);
      assert.match(message, /StatusCheckFailed/);
      assert.match(exprValue(fail.typeProperties['errorCode']), /concat\('BatchJob', variables\('job_status'\)\)/);
      for (const outside of pipeline.properties.activities.filter((a) => a.name !== ACTIVITY.loop)) {
        assert.ok(
          !JSON.stringify(outside).includes("activity('Check status')"),
          `${outside.name} reads variables, not the loop's inner activity`,
        );
      }
    });
  });

  it('defaults the endpoint_uri parameter to the scoring URI and is deterministic', () => {
    const a = toGitJson(generateBatchPipeline(optionsFor('sp-keyvault')));
    const b = toGitJson(generateBatchPipeline(optionsFor('sp-keyvault')));
    assert.equal(a, b);
    assert.deepEqual(generateBatchPipeline(optionsFor('mi')).properties.parameters[PARAMETER.endpointUri], {
      type: 'String',
      defaultValue: SCORING_URI,
    });
  });

  describe('bad options', () => {
    const problemsOf = (fn: () => unknown): readonly string[] => {
      try {
        fn();
      } catch (error) {
        assert.ok(error instanceof BatchPipelineOptionsError, String(error));
        return error.problems;
      }
      assert.fail('expected BatchPipelineOptionsError');
    };

    it('refuses an http endpoint URI, control characters and URIs over 2,048 characters (the wizard and generate)', () => {
      const base = 'https://ep.westeurope.inference.ml.azure.com/jobs';
      const problemOf = (endpointUri: string): string | undefined =>
        validateBatchPipelineOptions({ endpointUri, auth: { kind: 'mi' } })[0];
      assert.match(problemOf(base.replace('https:', 'http:')) ?? '', /The endpoint URI must be an https URL/);
      assert.match(problemOf(`${base}\t`) ?? '', /The endpoint URI contains a control character/);
      assert.match(problemOf(`${base}?x=${'a'.repeat(2048)}`) ?? '', /at most 2048 are allowed/);
      assert.equal(problemOf(`${base}?x=${'a'.repeat(2048 - base.length - 3)}`), undefined);
    });

    it('reports every problem at once with a clear message', () => {
      const problems = problemsOf(() =>
        generateBatchPipeline({
          endpointUri: 'not a url',
          name: 'bad/name',
          outputUri: 'https://account.blob.core.windows.net/c/out.csv',
          pollIntervalSeconds: 0,
          loopTimeout: '12 hours',
          auth: { kind: 'uami', credentialName: '' },
        }),
      );
      assert.equal(problems.length, 6, problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('endpoint URI')));
      assert.ok(problems.some((p) => p.includes('pipeline name')));
      assert.ok(problems.some((p) => p.includes('registered datastore')));
      assert.ok(problems.some((p) => p.includes('poll interval')));
      assert.ok(problems.some((p) => p.includes('loop timeout')));
      assert.ok(problems.some((p) => p.includes('credential')));
    });

    it('asks for the Key Vault linked service and secret name of sp-keyvault', () => {
      const problems = problemsOf(() =>
        generateBatchPipeline({
          endpointUri: SCORING_URI,
          auth: { kind: 'sp-keyvault', keyVaultLinkedService: ' ', secretName: '' },
        }),
      );
      assert.equal(problems.length, 2);
    });

    it('rejects an output folder given as the output file, an unknown auth kind and an unknown cloud', () => {
      assert.ok(
        problemsOf(() =>
          generateBatchPipeline(optionsFor('mi', { outputUri: 'azureml://datastores/x/paths/out/' })),
        )[0].includes('file'),
      );
      assert.ok(
        problemsOf(() =>
          generateBatchPipeline({ endpointUri: SCORING_URI, auth: { kind: 'password' } as never }),
        )[0].includes('mi, uami'),
      );
      assert.ok(
        problemsOf(() => generateBatchPipeline(optionsFor('mi', { cloud: 'Mars' as never })))[0].includes(
          'Unknown cloud',
        ),
      );
    });
  });
});
