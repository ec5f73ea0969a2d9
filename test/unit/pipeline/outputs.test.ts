import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import {
  JsonValue,
  PipelineDocument,
  escapeArmStrings,
  generateBatchPipeline,
  gitJsonPath,
  templateZipFileName,
  toArmTemplate,
  toArmTemplateJson,
  toGitJson,
  toTemplateZip,
} from '../../../src/core/pipeline';
import { VARIANTS, allStrings, optionsFor } from './variants';

describe('pipeline outputs', () => {
  describe('ADF git-integration JSON', () => {
    it('is {name, properties} with 4-space indentation and ADF Studio key order', () => {
      const pipeline = generateBatchPipeline(optionsFor('mi', { folder: 'ML' }));
      const text = toGitJson(pipeline);
      assert.ok(
        text.startsWith('{\n    "name": "Run-BatchEndpoint",\n    "properties": {\n        "description": '),
        text.slice(0, 120),
      );
      const parsed = JSON.parse(text);
      assert.deepEqual(Object.keys(parsed), ['name', 'properties']);
      assert.deepEqual(Object.keys(parsed.properties), [
        'description',
        'activities',
        'parameters',
        'variables',
        'folder',
        'annotations',
      ]);
      assert.deepEqual(Object.keys(parsed.properties.activities[0]), [
        'name',
        'description',
        'type',
        'dependsOn',
        'policy',
        'userProperties',
        'typeProperties',
      ]);
      assert.deepEqual(parsed, pipeline);
      assert.equal(gitJsonPath(pipeline), 'pipeline/Run-BatchEndpoint.json');
    });
  });

  describe('ARM template', () => {
    it('deploys the pipeline as a factories/pipelines resource named from the factoryName parameter', () => {
      const pipeline = generateBatchPipeline(optionsFor('uami'));
      const template = JSON.parse(toArmTemplateJson(pipeline, { factoryName: 'adf-prod' }));
      assert.equal(template.$schema, 'http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#');
      assert.equal(template.contentVersion, '1.0.0.0');
      assert.deepEqual(template.parameters.factoryName, {
        type: 'string',
        metadata: 'Data Factory name',
        defaultValue: 'adf-prod',
      });
      assert.equal(template.resources.length, 1);
      const [resource] = template.resources;
      assert.equal(resource.name, "[concat(parameters('factoryName'), '/Run-BatchEndpoint')]");
      assert.equal(resource.type, 'Microsoft.DataFactory/factories/pipelines');
      assert.equal(resource.apiVersion, '2018-06-01');
      assert.deepEqual(resource.properties, pipeline.properties, 'nothing in this pipeline starts with "["');
      assert.equal(toArmTemplate(pipeline).parameters.factoryName.defaultValue, undefined);
    });

    // ARM reads a string as an expression when it starts with "[" and ends with "]"; "[[" escapes one (ARM docs,
    // "Escape characters"). A template deployment gives back exactly the ADF string when read by that rule.
    const armRead = (text: string): string =>
      text.startsWith('[') && text.endsWith(']')
        ? text.startsWith('[[')
          ? text.slice(1)
          : `<ARM expression ${text}>`
        : text;

    it('escapes only the strings ARM would read as expressions, and quotes in the name', () => {
      const pipeline = generateBatchPipeline(
        optionsFor('mi', {
          name: "Bob's scoring",
          description: '[draft] scoring',
          inputUri: '[not-an-arm-expression]',
          deploymentName: '[[blue]',
        }),
      );
      const template = toArmTemplate(pipeline);
      const [resource] = template.resources;
      assert.equal(resource.name, "[concat(parameters('factoryName'), '/Bob''s scoring')]");
      assert.equal(resource.properties.description, '[draft] scoring', 'does not end with "]": ARM leaves it alone');
      assert.equal(resource.properties.parameters['endpoint_input_uri'].defaultValue, '[[not-an-arm-expression]');
      assert.equal(resource.properties.parameters['deployment_name'].defaultValue, '[[[blue]');
      const before = allStrings(pipeline.properties as unknown as JsonValue);
      const after = allStrings(resource.properties as unknown as JsonValue);
      assert.equal(after.length, before.length);
      after.forEach(({ path, text }, i) => {
        assert.equal(path, before[i].path);
        assert.equal(armRead(text), before[i].text, path);
      });
      assert.equal(pipeline.properties.description, '[draft] scoring', 'the pipeline itself is not changed');
    });

    it('round-trips "[draft] x", "[x]" and "[[x]" through the ARM evaluation rule', () => {
      const values = ['[draft] x', '[x]', '[[x]', '[x', 'x]', '[]', 'plain'];
      const escaped = escapeArmStrings(values);
      assert.deepEqual(escaped, ['[draft] x', '[[x]', '[[[x]', '[x', 'x]', '[[]', 'plain']);
      assert.deepEqual(escaped.map(armRead), values);
    });

    it('escapeArmStrings keeps key order and non-string values', () => {
      assert.deepEqual(escapeArmStrings({ b: '[x', a: [1, true, null, '[y]', 'z['] }), {
        b: '[x',
        a: [1, true, null, '[[y]', 'z['],
      });
      assert.deepEqual(Object.keys(escapeArmStrings({ b: 1, a: 2 })), ['b', 'a']);
    });
  });

  describe('template zip for "Import from pipeline template"', () => {
    const unzip = (pipeline: PipelineDocument): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(unzipSync(toTemplateZip(pipeline))).map(([name, bytes]) => [name, JSON.parse(strFromU8(bytes))]),
      );

    it('holds <name>/<name>.json (ARM-like template) and <name>/manifest.json, for every variant', () => {
      for (const kind of VARIANTS) {
        const pipeline = generateBatchPipeline(optionsFor(kind));
        const files = unzip(pipeline);
        assert.deepEqual(
          Object.keys(files).sort(),
          ['Run-BatchEndpoint/Run-BatchEndpoint.json', 'Run-BatchEndpoint/manifest.json'],
          `${kind}: ADF's exported layout`,
        );
        const template = files['Run-BatchEndpoint/Run-BatchEndpoint.json'] as ReturnType<typeof toArmTemplate>;
        assert.equal(template.parameters.factoryName.type, 'string');
        assert.equal(template.resources[0].name, "[concat(parameters('factoryName'), '/Run-BatchEndpoint')]");
        assert.equal(template.resources[0].type, 'Microsoft.DataFactory/factories/pipelines');
        const manifest = files['Run-BatchEndpoint/manifest.json'] as Record<string, unknown>;
        assert.equal(manifest['name'], 'Run-BatchEndpoint');
        assert.equal(manifest['description'], pipeline.properties.description);
        assert.match(String(manifest['image']), /^<svg [^>]*viewBox="0 0 400 240"/);
        assert.ok(String(manifest['image']).includes('>Run Batch-'), 'a box per top-level activity');
        for (const type of ['WebActivity', 'Until', 'Wait', 'SetVariable', 'IfCondition', 'Fail']) {
          assert.ok((manifest['icons'] as string[]).includes(type), `${kind} icons has ${type}`);
        }
        if (kind !== 'sp-keyvault') {
          assert.deepEqual(manifest['requires'], { linkedservices: {} });
          assert.deepEqual(template.resources[0].properties, pipeline.properties);
        }
      }
      assert.equal(templateZipFileName(generateBatchPipeline(optionsFor('mi'))), 'Run-BatchEndpoint.zip');
    });

    it('sp-keyvault: the Key Vault linked service becomes a template parameter the import asks for', () => {
      const pipeline = generateBatchPipeline(optionsFor('sp-keyvault'));
      const files = unzip(pipeline);
      const manifest = files['Run-BatchEndpoint/manifest.json'] as { requires: unknown };
      assert.deepEqual(manifest.requires, {
        linkedservices: { KeyVault_Secrets: { supportTypes: ['AzureKeyVault'] } },
      });
      const template = files['Run-BatchEndpoint/Run-BatchEndpoint.json'] as ReturnType<typeof toArmTemplate>;
      assert.deepEqual(template.parameters['KeyVault_Secrets'], { type: 'string' });
      const text = JSON.stringify(template);
      assert.ok(!text.includes('"KeyVault-Secrets"'), 'the literal linked service name is gone');
      const references = text.match(/"referenceName":"\[parameters\('KeyVault_Secrets'\)\]"/g) ?? [];
      assert.equal(references.length, 2, 'invoke and check status both use the parameter');
      assert.ok(JSON.stringify(pipeline).includes('"KeyVault-Secrets"'), 'the pipeline itself is not changed');
    });

    it('gives identical bytes for identical pipelines', () => {
      const a = toTemplateZip(generateBatchPipeline(optionsFor('sp-secret')));
      const b = toTemplateZip(generateBatchPipeline(optionsFor('sp-secret')));
      assert.deepEqual(Buffer.from(a), Buffer.from(b));
    });
  });
});
