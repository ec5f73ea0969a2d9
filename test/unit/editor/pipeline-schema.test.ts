import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getLanguageService, TextDocument, type Diagnostic } from 'vscode-json-languageservice';
import { validate } from '../../../src/core/validator';
import { generatePipelineSchema } from '../../../tools/generate/generate-pipeline-schema';
import { caseInsensitivePattern, type JsonSchema } from '../../../tools/generate/pipeline-schema';

const fixture = readFileSync('test/fixtures/editor/workspace/pipeline/Score-Broken.json', 'utf8');

describe('editor: the pipeline JSON schema generated from the SDK model', function () {
  this.timeout(60_000);
  let schema: JsonSchema;
  let service: ReturnType<typeof getLanguageService>;

  before(() => {
    schema = generatePipelineSchema();
    service = getLanguageService({});
    service.configure({
      validate: true,
      schemas: [{ uri: 'adf://pipeline.schema.json', fileMatch: ['*.json'], schema }],
    });
  });

  const parse = (text: string) => {
    const document = TextDocument.create('file:///w/pipeline/p.json', 'json', 1, text);
    return { document, json: service.parseJSONDocument(document) };
  };
  const problems = async (text: string): Promise<string[]> => {
    const { document, json } = parse(text);
    const found: Diagnostic[] = await service.doValidation(document, json, { schemaValidation: 'warning' });
    return found.map((d) => `${d.range.start.line + 1}: ${d.message}`);
  };
  const copyActivity = (source: object, sink: object = { type: 'ParquetSink' }): string =>
    JSON.stringify(
      { name: 'p', properties: { activities: [{ name: 'c', type: 'Copy', typeProperties: { source, sink } }] } },
      null,
      2,
    );

  it('matches enum values in any letter case with character classes', () => {
    const pattern = new RegExp(caseInsensitivePattern(['GET', 'U-SQL']));
    assert.ok(pattern.test('get') && pattern.test('Get') && pattern.test('u-sql'));
    assert.ok(!pattern.test('GETX') && !pattern.test('U_SQL'));
    assert.equal(caseInsensitivePattern(['a.b']), '^(?:[Aa]\\.[Bb])$');
  });

  it('is permissive: nothing required, additional properties allowed, objects and arrays without a kind', () => {
    const text = JSON.stringify(schema);
    assert.doesNotMatch(text, /"required":\["(?!type"\])/, 'only the if-conditions of subtypes use required');
    assert.doesNotMatch(text, /"additionalProperties":false/);
    assert.doesNotMatch(text, /"type":"(object|array)"/);
    assert.ok(
      Object.keys(schema.definitions as object).length > 100,
      'activity types, sources, sinks and settings are described',
    );
  });

  it('accepts the fixture and letter-case variants of validated enums; flags a bad value of an enum the validator does not check', async () => {
    assert.deepEqual(await problems(fixture), []);
    assert.deepEqual(
      await problems(
        copyActivity(
          { type: 'delimitedtextsource', storeSettings: { type: 'azureblobfsreadsettings' } },
          { type: 'parquetsink' },
        ),
      ),
      [],
    );
    assert.deepEqual(
      await problems(
        copyActivity({ type: 'DelimitedTextSource', storeSettings: { type: '@pipeline().parameters.settings' } }),
      ),
      [],
      'expressions pass',
    );
    const bad = await problems(
      copyActivity({ type: 'DelimitedTextSource', storeSettings: { type: 'FloppyDiskReadSettings' } }),
    );
    assert.equal(bad.length, 1, bad.join('\n'));
    assert.match(bad[0], /^12: Value is not accepted. Valid values: "AmazonS3CompatibleReadSettings"/);
  });

  it('checks the kind of scalar properties (booleans)', async () => {
    assert.deepEqual(await problems(fixture.replace('"secureInput": true', '"secureInput": "yes"')), [
      '31: Incorrect type. Expected "boolean".',
    ]);
  });

  it('does not duplicate the validator: enums it checks are completion-only', async () => {
    for (const [from, to, code] of [
      ['"method": "GET"', '"method": "FETCH"', 'ADF104'],
      ['"type": "securestring"', '"type": "Password"', 'ADF104'],
      ['"type": "Until"', '"type": "Loop"', 'ADF103'],
      ['["Succeeded"]', '["Done"]', 'ADF305'],
    ]) {
      const text = fixture.replace(from, to);
      assert.notEqual(text, fixture);
      assert.deepEqual(await problems(text), [], `${to}: the schema stays quiet`);
      assert.ok(
        validate(text).some((p) => p.code === code),
        `${to}: the validator reports ${code}`,
      );
    }
  });

  it('completes typeProperties per activity type and the activity types themselves, and describes properties on hover', async () => {
    const { document, json } = parse(fixture);
    const inTypeProperties = fixture.indexOf('"typeProperties": {') + '"typeProperties": {'.length;
    const keys =
      (await service.doComplete(document, document.positionAt(inTypeProperties), json))?.items.map((i) => i.label) ??
      [];
    for (const key of ['authentication', 'disableCertValidation', 'datasets', 'linkedServices', 'connectVia'])
      assert.ok(keys.includes(key), `${key} in ${keys}`);

    const inType = fixture.indexOf('"type": "WebActivity"') + '"type": "'.length;
    const types =
      (await service.doComplete(document, document.positionAt(inType), json))?.items.map((i) => i.label) ?? [];
    for (const type of ['"WebActivity"', '"Until"', '"Copy"', '"SetVariable"'])
      assert.ok(types.includes(type), `${type} in ${types}`);

    const hover = await service.doHover(document, document.positionAt(fixture.indexOf('"method": "POST"') + 2), json);
    assert.match(JSON.stringify(hover?.contents ?? null), /Rest API method for target endpoint/);
    const untilHover = await service.doHover(
      document,
      document.positionAt(fixture.indexOf('"expression": "@equals') + 2),
      json,
    );
    assert.match(JSON.stringify(untilHover?.contents ?? null), /expression/i);
  });

  it('raises no problem on any ADF git-integration file of the real-world corpus', async function () {
    const corpus = resolve('..', 'shared', 'corpus');
    if (!existsSync(corpus)) {
      if (process.env.CI) throw new Error(`${corpus} is missing: CI must provide ../shared`);
      console.log(`    (skipped: ${corpus} not found)`);
      this.skip();
    }
    const rows = readFileSync(join(corpus, 'MANIFEST.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    let files = 0;
    const found: string[] = [];
    for (const [repo, , path, format] of rows) {
      if (!format.startsWith('git-integration')) continue;
      const file = join(corpus, repo.replace('/', '__'), path);
      files++;
      for (const p of await problems(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))) found.push(`${path}:${p}`);
    }
    assert.ok(files >= 80, `only ${files} git-integration files found`);
    assert.deepEqual(found, []);
  });
});
