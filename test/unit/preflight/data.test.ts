import * as assert from 'node:assert/strict';
import {
  checkGitMode,
  datastorePathProblem,
  datastoreUri,
  describeGitMode,
  inputDatastoreChoices,
  inputTypeHint,
  inputUriProblem,
  outputDatastoreChoices,
  parseDatastoreUri,
} from '../../../src/core/preflight';

const datastores = [
  { name: 'lake', type: 'AzureDataLakeGen2' },
  { name: 'workspaceblobstore', type: 'AzureBlob', isDefault: true },
  { name: 'files', type: 'AzureFile' },
];

describe('preflight: datastores, URIs and git mode', () => {
  it('offers Blob and ADLS Gen2 for input, Blob only for output, with the reason for the disabled ones', () => {
    const input = inputDatastoreChoices(datastores);
    assert.deepEqual(
      input.map((d) => [d.name, d.disabledReason === undefined]),
      [
        ['workspaceblobstore', true],
        ['files', false],
        ['lake', true],
      ],
    );
    const output = outputDatastoreChoices(datastores);
    assert.equal(output.find((d) => d.name === 'workspaceblobstore')?.disabledReason, undefined);
    assert.match(
      output.find((d) => d.name === 'lake')!.disabledReason!,
      /ADLS Gen2 datastores are not supported for batch endpoint outputs/,
    );
    assert.match(output.find((d) => d.name === 'files')!.disabledReason!, /Blob datastores only/);
  });

  it('builds and parses azureml:// datastore URIs', () => {
    assert.equal(
      datastoreUri('workspaceblobstore', '/data/in/'),
      'azureml://datastores/workspaceblobstore/paths/data/in/',
    );
    assert.deepEqual(parseDatastoreUri('azureml://datastores/ds/paths/a/b.csv'), { datastore: 'ds', path: 'a/b.csv' });
    assert.equal(parseDatastoreUri('https://x'), undefined);
  });

  it('rejects unusable paths and input URIs', () => {
    assert.equal(datastorePathProblem('data/in/', 'input'), undefined);
    assert.match(datastorePathProblem('', 'input')!, /Enter the input path/);
    assert.match(datastorePathProblem('a/../b', 'input')!, /\.\./);
    assert.match(datastorePathProblem('out/', 'output file')!, /must be a file/);
    assert.equal(inputUriProblem('https://acct.blob.core.windows.net/c/data/'), undefined);
    assert.equal(inputUriProblem('abfss://fs@acct.dfs.core.windows.net/data'), undefined);
    assert.equal(inputUriProblem('azureml://datastores/ds/paths/x/'), undefined);
    assert.match(inputUriProblem('azureml://datastores/ds')!, /azureml:\/\/datastores\/<datastore>\/paths/);
    assert.match(inputUriProblem('https://example.com/data')!, /Blob or ADLS Gen2/);
    assert.match(inputUriProblem('ftp://x/y')!, /Use an azureml/);
    assert.match(inputUriProblem('')!, /Enter/);
  });

  it('hints when the input type and the path disagree', () => {
    assert.match(inputTypeHint('data/file.csv', 'UriFolder')!, /looks like a file/);
    assert.match(inputTypeHint('data/', 'UriFile')!, /must name a file/);
    assert.equal(inputTypeHint('data/', 'UriFolder'), undefined);
  });

  it('describes git mode and warns that live changes are overwritten', () => {
    const repo = {
      type: 'FactoryGitHubConfiguration',
      accountName: 'contoso',
      repositoryName: 'adf-pipelines',
      collaborationBranch: 'main',
      rootFolder: '/adf',
    };
    assert.equal(describeGitMode(repo), 'git: GitHub contoso/adf-pipelines (branch main, root /adf)');
    assert.equal(describeGitMode(undefined), 'live mode (no git)');
    assert.equal(
      describeGitMode({
        type: 'FactoryVSTSConfiguration',
        accountName: 'contoso',
        projectName: 'data',
        repositoryName: 'factory',
      }),
      'git: Azure DevOps contoso/data/factory',
    );
    const check = checkGitMode('adf-git', repo);
    assert.equal(check.status, 'warn');
    assert.match(check.message, /next publish from the collaboration branch overwrites it/);
    assert.equal(checkGitMode('adf', undefined).status, 'info');
  });
});
