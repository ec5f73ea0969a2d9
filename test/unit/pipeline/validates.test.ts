// Every generated pipeline passes our own validator: zero problems, in every format we write.
import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { CLOUD_NAMES } from '../../../src/core/clouds';
import {
  PipelineDocument,
  generateBatchPipeline,
  toArmTemplateJson,
  toGitJson,
  toTemplateZip,
} from '../../../src/core/pipeline';
import { validate } from '../../../src/core/validator';
import { VARIANTS, optionsFor } from './variants';

function texts(pipeline: PipelineDocument): Array<[string, string]> {
  const zip = unzipSync(toTemplateZip(pipeline));
  return [
    ['git', toGitJson(pipeline)],
    ['arm', toArmTemplateJson(pipeline)],
    ['zip template', strFromU8(zip[`${pipeline.name}/${pipeline.name}.json`])],
  ];
}

describe('generated pipelines validate', () => {
  for (const kind of VARIANTS) {
    it(`${kind}: zero problems in every cloud and format, with and without a deployment`, () => {
      for (const cloud of CLOUD_NAMES) {
        for (const extra of [{}, { deploymentName: 'blue', folder: 'ML', inputType: 'UriFile' as const }]) {
          for (const [format, text] of texts(generateBatchPipeline(optionsFor(kind, { cloud, ...extra })))) {
            const problems = validate(text);
            assert.deepEqual(
              problems.map((p) => `${p.code} ${p.message}`),
              [],
              `${kind} ${cloud} ${format}`,
            );
          }
        }
      }
    });
  }

  it('a fixed output file gets exactly the validator warning about reruns', () => {
    const pipeline = generateBatchPipeline(optionsFor('mi', { outputUri: 'azureml://datastores/out/paths/fixed.csv' }));
    const problems = validate(toGitJson(pipeline));
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /already exists/);
  });
});
