import * as assert from 'node:assert/strict';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { callsScoringUri, classifyPipeline, describeInvokes, normalizeScoringUri } from '../../../src/core/factory';

const SCORING = 'https://churn-scoring.westeurope.inference.ml.azure.com/jobs';

function generated(endpointUri: string): { name: string; properties: unknown } {
  const doc = JSON.parse(
    JSON.stringify(
      generateBatchPipeline({
        endpointUri,
        inputUri: 'azureml://datastores/workspaceblobstore/paths/in/',
        auth: { kind: 'mi' },
      }),
    ),
  ) as { name: string; properties: unknown };
  return doc;
}

function literalInvoke(url: string, name = 'score-literal'): { name: string; properties: unknown } {
  return {
    name,
    properties: {
      activities: [
        {
          name: 'Invoke',
          type: 'WebActivity',
          typeProperties: {
            method: 'POST',
            url,
            body: {
              properties: {
                InputData: { in: { JobInputType: 'UriFolder', Uri: 'azureml://datastores/ws/paths/in/' } },
              },
            },
            authentication: { type: 'MSI', resource: 'https://ml.azure.com' },
          },
        },
      ],
    },
  };
}

describe('core/factory: batch pipelines and the endpoint they call', () => {
  it('recognises the generated pipeline and reads the scoring URI from the endpoint_uri parameter default', () => {
    const c = classifyPipeline(generated(SCORING));
    assert.equal(c.isBatch, true);
    assert.deepEqual(c.scoringUris, [SCORING]);
    assert.equal(callsScoringUri(c, SCORING), true);
    assert.match(describeInvokes(c, SCORING).join(), /parameter endpoint_uri/);
  });

  it('matches a literal URL, ignoring host case and a trailing slash', () => {
    const c = classifyPipeline(literalInvoke('https://Churn-Scoring.westeurope.inference.ml.azure.com/jobs/'));
    assert.equal(c.isBatch, true);
    assert.equal(callsScoringUri(c, SCORING), true);
    assert.deepEqual(describeInvokes(c, SCORING), ['Invoke']);
  });

  it('does not match another endpoint, and a plain Web activity is not a batch pipeline', () => {
    const other = classifyPipeline(literalInvoke('https://invoice-ocr.westeurope.inference.ml.azure.com/jobs'));
    assert.equal(other.isBatch, true);
    assert.equal(callsScoringUri(other, SCORING), false);
    const plain = classifyPipeline({
      name: 'notify',
      properties: {
        activities: [
          {
            name: 'Hook',
            type: 'WebActivity',
            typeProperties: { method: 'POST', url: 'https://hooks.example.com/notify', body: { text: 'done' } },
          },
        ],
      },
    });
    assert.equal(plain.isBatch, false);
    assert.equal(callsScoringUri(plain, 'https://hooks.example.com/notify'), false);
  });

  it('a batch invoke whose URL only a run can know is a batch pipeline calling no known endpoint', () => {
    const doc = generated(SCORING) as {
      name: string;
      properties: { parameters: Record<string, { defaultValue?: unknown }> };
    };
    delete doc.properties.parameters.endpoint_uri.defaultValue;
    const c = classifyPipeline(doc);
    assert.equal(c.isBatch, true);
    assert.deepEqual(c.scoringUris, []);
  });

  it('survives odd input', () => {
    assert.equal(classifyPipeline({ name: 'x', properties: null }).isBatch, false);
    assert.equal(classifyPipeline({ name: 'x', properties: { activities: 'nope' } }).isBatch, false);
    assert.equal(normalizeScoringUri('not a url'), undefined);
    assert.equal(normalizeScoringUri('ftp://host/jobs'), undefined);
  });
});
