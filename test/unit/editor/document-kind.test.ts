import * as assert from 'node:assert/strict';
import {
  classifyPipelineFile,
  factoryRootOf,
  hasPipelineContent,
  isFactoryRootListing,
  matchesAnyGlob,
} from '../../../src/core/editor-support/document-kind';

describe('editor: which files are pipeline files', () => {
  it('a JSON file directly in a pipeline/ folder names its factory root', () => {
    assert.equal(factoryRootOf('/repo/adf/pipeline/Run.json'), '/repo/adf');
    assert.equal(factoryRootOf('C:\\repo\\adf\\Pipeline\\Run.json'), 'C:/repo/adf');
    assert.equal(factoryRootOf('/repo/adf/pipeline/sub/Run.json'), undefined);
    assert.equal(factoryRootOf('/repo/adf/pipelines/Run.json'), undefined);
    assert.equal(factoryRootOf('/repo/adf/pipeline/readme.md'), undefined);
  });

  it('a factory root has dataset/, linkedService/, factory/ or publish_config.json (any letter case)', () => {
    assert.equal(isFactoryRootListing(['pipeline', 'dataset']), true);
    assert.equal(isFactoryRootListing(['pipeline', 'LinkedService']), true);
    assert.equal(isFactoryRootListing(['pipeline', 'publish_config.json']), true);
    assert.equal(isFactoryRootListing(['pipeline', 'factory']), true);
    assert.equal(isFactoryRootListing(['pipeline', 'src', 'package.json']), false);
  });

  it('content: properties.activities at the root, or an ARM template with a pipeline resource (nested too)', () => {
    assert.equal(hasPipelineContent('{"name":"p","properties":{"activities":[]}}'), true);
    assert.equal(hasPipelineContent('{"name":"p","properties":{"activities":[{"name": "half typed'), true);
    assert.equal(
      hasPipelineContent(
        JSON.stringify({ resources: [{ type: 'Microsoft.DataFactory/factories/pipelines', name: 'x' }] }),
      ),
      true,
    );
    assert.equal(
      hasPipelineContent(
        JSON.stringify({
          resources: [{ type: 'Microsoft.DataFactory/factories', resources: [{ type: 'pipelines' }] }],
        }),
      ),
      true,
    );
    assert.equal(
      hasPipelineContent(JSON.stringify({ resources: [{ type: 'Microsoft.Storage/storageAccounts' }] })),
      false,
    );
    assert.equal(hasPipelineContent('{"name":"tsconfig","compilerOptions":{}}'), false);
    assert.equal(hasPipelineContent('{"activities": []}'), false, 'a bare list of activities is not enough');
    assert.equal(hasPipelineContent('not json at all, activities'), false);
  });

  it('globs match the workspace-relative or the absolute path', () => {
    assert.equal(matchesAnyGlob('/w/adf/jobs/a.json', 'adf/jobs/a.json', ['adf/**/*.json']), true);
    assert.equal(matchesAnyGlob('/w/adf/jobs/a.json', 'adf/jobs/a.json', ['**/jobs/*.json']), true);
    assert.equal(matchesAnyGlob('/w/adf/jobs/a.json', undefined, ['/w/adf/**']), true);
    assert.equal(matchesAnyGlob('/w/adf/jobs/a.json', 'adf/jobs/a.json', ['**/*.jsonc', '  ']), false);
    assert.equal(matchesAnyGlob('/w/.adf/a.json', '.adf/a.json', ['**/*.json']), true, 'dot folders match');
  });

  it('classification: factory folder first, then globs, then content (read only when needed)', () => {
    let reads = 0;
    const text = (value: string) => () => {
      reads++;
      return value;
    };
    const base = { absolutePath: '/w/adf/pipeline/a.json', relativePath: 'adf/pipeline/a.json', includeGlobs: [] };
    assert.equal(classifyPipelineFile({ ...base, inFactoryFolder: true, text: text('{') }), 'factory-folder');
    assert.equal(reads, 0);
    assert.equal(
      classifyPipelineFile({ ...base, inFactoryFolder: false, includeGlobs: ['adf/**'], text: text('{}') }),
      'include',
    );
    assert.equal(reads, 0);
    assert.equal(
      classifyPipelineFile({ ...base, inFactoryFolder: false, text: text('{"properties":{"activities":[]}}') }),
      'content',
    );
    assert.equal(classifyPipelineFile({ ...base, inFactoryFolder: false, text: text('{"x":1}') }), undefined);
    assert.equal(reads, 2);
    assert.equal(
      classifyPipelineFile({
        absolutePath: 'untitled:Untitled-1',
        inFactoryFolder: false,
        includeGlobs: [],
        text: text('{"properties":{"activities":[]}}'),
      }),
      'content',
    );
  });
});
