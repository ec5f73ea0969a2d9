import * as assert from 'node:assert/strict';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { diagramOf } from '../../../src/wizard/diagram';
import { formProblems, initialForm, outputPreview, pipelineOptionsOf } from '../../../src/wizard/form';
import { contentSecurityPolicy, webviewHtml } from '../../../src/webview-host/html';
import { RunValueError, runParameterValues, runParametersOf } from '../../../src/wizard/run-parameters';
import { getCloud } from '../../../src/core/clouds';

const endpoint = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/batchEndpoints/score',
  name: 'score',
  scoringUri: 'https://score.eastus.inference.ml.azure.com/jobs',
  defaultDeployment: 'blue',
  workspace: {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws',
    name: 'ws',
    subscriptionId: 's',
    resourceGroup: 'rg',
    tenantId: 't',
  },
};
const datastores = {
  inputDatastores: [{ name: 'blob', type: 'AzureBlob', isDefault: true }],
  outputDatastores: [
    { name: 'blob', type: 'AzureBlob', isDefault: true },
    { name: 'lake', type: 'AzureDataLakeGen2', isDefault: false, disabledReason: 'ADLS Gen2 ...' },
  ],
  datastoresLoaded: true,
};

describe('wizard helpers', () => {
  it('starts with a per-run output, the managed identity and a name from the endpoint', () => {
    const form = initialForm(endpoint);
    assert.equal(form.pipelineName, 'Run-score');
    assert.equal(form.outputMode, 'perRun');
    assert.equal(form.authKind, 'mi');
    assert.equal(form.spTenantId, 't');
    assert.deepEqual(form.exportFormats, ['git', 'arm', 'zip']);
  });

  it('reports per-field problems and none for a complete form', () => {
    const form = {
      ...initialForm(endpoint),
      factoryId: '/f',
      inputDatastore: 'blob',
      inputPath: 'data/',
      outputDatastore: 'blob',
    };
    assert.deepEqual(formProblems(form, datastores), {});
    const bad = formProblems(
      {
        ...form,
        authKind: 'sp-keyvault',
        spClientId: 'not-a-guid',
        secretName: 'bad_name',
        outputDatastore: 'lake',
        pollIntervalSeconds: 0,
        loopTimeout: '8.00:00:00',
        pipelineName: '1st',
      },
      datastores,
    );
    assert.deepEqual(Object.keys(bad).sort(), [
      'keyVaultLinkedService',
      'loopTimeout',
      'outputDatastore',
      'pipelineName',
      'pollIntervalSeconds',
      'secretName',
      'spClientId',
    ]);
    assert.match(bad.outputDatastore!, /ADLS Gen2/);
  });

  it('turns the form into generator options that produce a valid pipeline', () => {
    const form = {
      ...initialForm(endpoint),
      deployment: 'green',
      inputDatastore: 'blob',
      inputPath: 'data/',
      outputDatastore: 'blob',
    };
    const options = pipelineOptionsOf(form, endpoint, getCloud('AzureCloud'));
    assert.equal(options.inputUri, 'azureml://datastores/blob/paths/data/');
    assert.equal(options.outputFolder, 'azureml://datastores/blob/paths/batch/Run-score');
    assert.equal(options.deploymentName, 'green');
    assert.equal(outputPreview(form), 'azureml://datastores/blob/paths/batch/Run-score/<run id>/predictions.csv');
    const fixed = pipelineOptionsOf(
      { ...form, outputMode: 'fixed', outputPath: 'out/p.csv' },
      endpoint,
      getCloud('AzureCloud'),
    );
    assert.equal(fixed.outputUri, 'azureml://datastores/blob/paths/out/p.csv');
    assert.doesNotThrow(() => generateBatchPipeline(options));
  });

  it('orders the diagram by dependencies and nests the containers', () => {
    const pipeline = generateBatchPipeline({ endpointUri: endpoint.scoringUri, auth: { kind: 'sp-secret' } });
    const diagram = diagramOf(pipeline.properties.activities);
    assert.deepEqual(
      diagram.map((a) => a.name),
      ['Authorize', 'Run Batch-Endpoint', 'Wait for job', 'If job completed'],
    );
    assert.deepEqual(
      diagram[2].children?.[0].activities.map((a) => a.name),
      [
        'Wait poll interval',
        'Renew token',
        'Check status',
        'Set job status',
        'Set job error',
        'Set status check error',
        'Set status check failed',
      ],
    );
    assert.deepEqual(
      diagram[3].children?.map((c) => c.label),
      ['If false'],
    );
    const shuffled = diagramOf([...pipeline.properties.activities].reverse());
    assert.deepEqual(
      shuffled.map((a) => a.name),
      ['Authorize', 'Run Batch-Endpoint', 'Wait for job', 'If job completed'],
    );
  });

  it('lists run parameters with defaults and converts typed values; SecureString only from the prompt', () => {
    const pipeline = generateBatchPipeline({
      endpointUri: endpoint.scoringUri,
      pollIntervalSeconds: 30,
      auth: { kind: 'sp-secret', tenantId: 't', clientId: 'c' },
    });
    const parameters = runParametersOf(pipeline);
    assert.deepEqual(
      parameters.find((p) => p.name === 'poll_interval'),
      { name: 'poll_interval', type: 'Int', defaultValue: '30', secure: false, required: false },
    );
    assert.deepEqual(
      parameters.find((p) => p.name === 'client_secret'),
      { name: 'client_secret', type: 'SecureString', defaultValue: '', secure: true, required: true },
    );
    const values = runParameterValues(
      parameters,
      { poll_interval: '5', endpoint_input_uri: 'azureml://datastores/x/paths/y/', client_secret: 'typed-in-webview' },
      { client_secret: 's3cret' },
    );
    assert.deepEqual(values, {
      poll_interval: 5,
      endpoint_input_uri: 'azureml://datastores/x/paths/y/',
      client_secret: 's3cret',
    });
    assert.deepEqual(
      runParameterValues(parameters, { poll_interval: '30', endpoint_input_uri: 'u' }, { client_secret: 's' }),
      { endpoint_input_uri: 'u', client_secret: 's' },
      'a default left as is is not sent',
    );
    assert.throws(
      () => runParameterValues(parameters, { poll_interval: 'soon', endpoint_input_uri: 'u' }, { client_secret: 's' }),
      RunValueError,
    );
    assert.throws(() => runParameterValues(parameters, {}, { client_secret: 's' }), /endpoint_input_uri needs a value/);
    assert.throws(() => runParameterValues(parameters, { endpoint_input_uri: 'u' }, {}), /client_secret needs a value/);
  });

  it('serves the webview under a strict CSP: nonce-only scripts, no inline script, nothing from the network', () => {
    const html = webviewHtml({
      cspSource: 'https://webview.test',
      scriptUri: 'https://webview.test/wizard.js',
      styleUri: 'https://webview.test/wizard.css',
      title: 'ADF Pipeline: <score>',
      nonce: 'abc123',
    });
    const csp = contentSecurityPolicy('https://webview.test', 'abc123');
    assert.ok(html.includes(`content="${csp}"`));
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:\s|\*/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], /nonce="abc123" src="https:\/\/webview\.test\/wizard\.js"/);
    assert.equal(scripts[0][2].trim(), '', 'no inline script');
    assert.match(html, /<title>ADF Pipeline: &lt;score&gt;<\/title>/);
  });
});
