// validate() must never throw: truncated and mutated real files, random bytes, odd shapes.
import * as assert from 'node:assert/strict';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { validate } from '../../../src/core/validator';
import { corpusAvailable, loadCorpus } from './corpus-files';
import { seededRandom } from '../../support/random';

function assertSane(source: string, label: string): void {
  let problems;
  try {
    problems = validate(source, { checkDespiteSyntaxErrors: true });
  } catch (error) {
    assert.fail(`validate threw on ${label}: ${String(error)}`);
  }
  for (const p of problems) {
    assert.ok(
      p.range.start >= 0 && p.range.end <= source.length && p.range.start <= p.range.end,
      `${label}: bad range ${JSON.stringify(p.range)} for ${p.code}`,
    );
    assert.notEqual(p.code, 'ADF009', `${label}: internal error ${p.message}`);
  }
}

const generated = JSON.stringify(
  generateBatchPipeline({
    endpointUri: 'https://e.westeurope.inference.ml.azure.com/jobs',
    auth: { kind: 'sp-secret', tenantId: 't', clientId: 'c' },
  }),
  null,
  2,
);

describe('validator: never throws', function () {
  this.timeout(60_000);
  const samples: { label: string; text: string }[] = [{ label: 'generated pipeline', text: generated }];
  if (corpusAvailable()) {
    // Every tenth corpus file keeps the run short while covering git, ARM and Fabric shapes.
    loadCorpus()
      .filter((f, i) => i % 10 === 0 || f.path.endsWith('pipeline-content.json'))
      .forEach((f) => samples.push({ label: f.path, text: f.text }));
  }

  it('on truncated files, at every kind of position', () => {
    const next = seededRandom(1);
    for (const { label, text } of samples) {
      for (let i = 0; i < 12; i++) {
        const cut = Math.floor(next() * text.length);
        assertSane(text.slice(0, cut), `${label} cut at ${cut}`);
      }
    }
  });

  it('on files with random characters replaced, inserted or deleted', () => {
    const next = seededRandom(2);
    const alphabet = '{}[]:,"\\@\'()[].?0aZ \n\u0000\ud800';
    for (const { label, text } of samples) {
      for (let i = 0; i < 8; i++) {
        let mutated = text;
        for (let k = 0; k < 5; k++) {
          const at = Math.floor(next() * mutated.length);
          const ch = alphabet[Math.floor(next() * alphabet.length)];
          const op = next();
          mutated =
            op < 0.4
              ? mutated.slice(0, at) + ch + mutated.slice(at + 1)
              : op < 0.7
                ? mutated.slice(0, at) + ch + mutated.slice(at)
                : mutated.slice(0, at) + mutated.slice(at + 1);
        }
        assertSane(mutated, `${label} mutation ${i}`);
      }
    }
  });

  it('on odd but valid JSON shapes', () => {
    const shapes = [
      '',
      ' ',
      'null',
      '42',
      '"@"',
      '[]',
      '{}',
      '{"properties": null}',
      '{"properties": {"activities": null}}',
      '{"properties": {"activities": [null, 1, "x", [], {}]}}',
      '{"properties": {"activities": [{"name": 1, "type": 2, "typeProperties": [], "dependsOn": {}}]}}',
      '{"properties": {"activities": [{"name": "a", "type": "ForEach", "typeProperties": {"activities": "x", "items": 3}}]}}',
      '{"properties": {"activities": [{"name": "a", "type": "Switch", "typeProperties": {"cases": [null, {"activities": [{}]}]}}]}}',
      '{"properties": {"activities": [{"name": "a", "type": "WebActivity", "typeProperties": {"method": "POST", "url": {}, "body": {"value": "{\\"properties\\": {\\"InputData\\": 1}}"}}}]}}',
      '{"resources": [null, {"type": "Microsoft.DataFactory/factories/pipelines"}, {"type": "Microsoft.DataFactory/factories/pipelines", "name": "[concat(", "properties": "[x]"}]}',
      '{"properties": {"parameters": "x", "variables": [], "activities": [{"name": "a", "type": "SetVariable", "typeProperties": {"value": "@{"}}]}}',
    ];
    for (const shape of shapes) assertSane(shape, JSON.stringify(shape));
    const deep =
      '{"properties": {"activities": [' +
      '{"name": "x", "type": "ForEach", "typeProperties": {"activities": ['.repeat(200) +
      ']}}'.repeat(200) +
      ']}}';
    assertSane(deep, 'deep nesting');
    assertSane(
      `{"properties": {"activities": [{"name": "a", "type": "SetVariable", "typeProperties": {"value": "@${'concat('.repeat(3000)}"}}]}}`,
      'deep expression',
    );
  });

  it('on a non-string argument', () => {
    assert.doesNotThrow(() => validate(undefined as unknown as string));
  });
});
