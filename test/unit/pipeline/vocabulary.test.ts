import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import {
  AUTH_FIELDS,
  AUTH_KIND_TABLE,
  AUTH_KINDS,
  authKindsTaking,
  authOptionsFromFields,
  exportFiles,
  generateBatchPipeline,
  missingAuthFields,
  toGitJson,
  toTemplateZip,
  validateBatchPipelineOptions,
} from '../../../src/core/pipeline';
import { optionsFor } from './variants';

describe('pipeline vocabulary', () => {
  describe('the authentication kind table', () => {
    it('lists each kind once, with a label, and fields the CLI has a flag for', () => {
      assert.deepEqual(AUTH_KINDS, ['mi', 'uami', 'sp-keyvault', 'sp-secret']);
      for (const descriptor of AUTH_KIND_TABLE) {
        assert.ok(descriptor.label && descriptor.explanation && descriptor.summary, descriptor.kind);
        for (const field of [...descriptor.required, ...descriptor.optional]) assert.ok(AUTH_FIELDS[field].flag, field);
      }
      assert.deepEqual(authKindsTaking('tenantId'), ['sp-keyvault', 'sp-secret']);
      assert.deepEqual(authKindsTaking('credentialName'), ['uami']);
    });

    it("maps flat values to options: the kind's fields only, trimmed, blank optional ones left out", () => {
      const flat = {
        credentialName: ' uami-cred ',
        keyVaultLinkedService: 'kv',
        secretName: 'sp-secret',
        tenantId: ' t ',
        clientId: '',
      };
      assert.deepEqual(authOptionsFromFields('mi', flat), { kind: 'mi' });
      assert.deepEqual(authOptionsFromFields('uami', flat), { kind: 'uami', credentialName: 'uami-cred' });
      assert.deepEqual(authOptionsFromFields('sp-keyvault', flat), {
        kind: 'sp-keyvault',
        keyVaultLinkedService: 'kv',
        secretName: 'sp-secret',
        tenantId: 't',
      });
      assert.deepEqual(authOptionsFromFields('sp-secret', flat), { kind: 'sp-secret', tenantId: 't' });
    });

    it('reports missing required values, which the options validation also rejects', () => {
      assert.deepEqual(missingAuthFields('sp-keyvault', { secretName: ' ' }), ['keyVaultLinkedService', 'secretName']);
      assert.deepEqual(missingAuthFields('sp-secret', {}), []);
      const problems = validateBatchPipelineOptions({
        endpointUri: 'https://e.example/jobs',
        auth: authOptionsFromFields('uami', {}),
      });
      assert.deepEqual(problems, ['The ADF credential name (user-assigned managed identity) is required.']);
    });
  });

  describe('exportFiles', () => {
    it('names each format once and writes the same bytes as the single-format writers', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi', { name: 'Score' }));
      const files = exportFiles(pipeline, ['git', 'arm', 'zip'], { factoryName: 'adf-prod' });
      assert.deepEqual(
        files.map((f) => f.fileName),
        ['Score.json', 'Score.arm-template.json', 'Score.zip'],
      );
      assert.equal(new TextDecoder().decode(files[0].content), `${toGitJson(pipeline)}\n`);
      assert.equal(JSON.parse(files[1].text ?? '').parameters.factoryName.defaultValue, 'adf-prod');
      assert.equal(files[2].text, undefined);
      const zipped = unzipSync(files[2].content);
      const expected = unzipSync(toTemplateZip(pipeline));
      assert.deepEqual(Object.keys(zipped).sort(), Object.keys(expected).sort());
      for (const name of Object.keys(expected)) assert.equal(strFromU8(zipped[name]), strFromU8(expected[name]), name);
    });
  });
});
