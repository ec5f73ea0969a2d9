// hoverAt() and completionsAt(): hover and completion inside expressions as plain data, over a parsed document,
// without VS Code (the exthost suite checks the adapters through VS Code's provider commands).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { completionsAt, hoverAt, type CompletionEntry } from '../../../src/core/editor-support';
import { parsePipelineDocument, type PipelineDocument } from '../../../src/core/validator';

const fixture = readFileSync('test/fixtures/editor/workspace/pipeline/Score-Broken.json', 'utf8');

/** The document with `insert` put right after the first `anchor`, and the offset just after the insertion. */
function withText(anchor: string, insert: string, text = fixture): { document: PipelineDocument; offset: number } {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, `fixture holds ${anchor}`);
  const index = at + anchor.length;
  return {
    document: parsePipelineDocument(text.slice(0, index) + insert + text.slice(index)),
    offset: index + insert.length,
  };
}

const labels = (entries: readonly CompletionEntry[], kind: CompletionEntry['kind']): string[] =>
  entries.filter((e) => e.kind === kind).map((e) => e.label);

describe('editor support: completion in expressions (completionsAt)', () => {
  it('offers every function right after @, system functions sorted first, as JSON-escaped snippets', () => {
    const { document, offset } = withText('"waitTimeInSeconds": "@', '');
    const completions = completionsAt(document, offset);
    assert.ok(completions);
    assert.equal(completions.start, offset, 'nothing typed yet: the replaced range is empty');
    const functions = completions.entries.filter((e) => e.kind === 'function');
    assert.equal(functions.length, completions.entries.length);
    const concat = functions.find((f) => f.label === 'concat');
    assert.deepEqual(
      concat && { signature: concat.signature, insertText: concat.insertText, takesArguments: concat.takesArguments },
      {
        signature: 'concat(text1: any, text2: any, ...): string | array',
        insertText: 'concat($1)',
        takesArguments: true,
      },
    );
    const sorted = [...functions].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((f) => f.label);
    assert.deepEqual(sorted.slice(0, 3), ['pipeline', 'activity', 'variables']);
    assert.equal(functions.find((f) => f.label === 'utcNow')?.takesArguments, true, 'utcNow(format?)');
  });

  it('replaces the part of the name already typed', () => {
    const { document, offset } = withText('"waitTimeInSeconds": "@', 'conc');
    const completions = completionsAt(document, offset);
    assert.equal(completions?.start, offset - 'conc'.length);
  });

  it('lists the declared parameters, with their types and defaults, after pipeline().parameters.', () => {
    const { document, offset } = withText('"waitTimeInSeconds": "@pipeline().parameters.', '');
    const entries = completionsAt(document, offset)?.entries ?? [];
    assert.deepEqual(labels(entries, 'parameter').sort(), [
      'client_id',
      'client_secret',
      'endpoint_input_uri',
      'endpoint_uri',
      'poll_interval',
      'tenant_id',
    ]);
    assert.deepEqual(
      entries.find((e) => e.label === 'poll_interval'),
      {
        kind: 'parameter',
        label: 'poll_interval',
        type: 'int',
        defaultValue: { value: 120 },
        insertText: 'poll_interval',
      },
    );
    assert.deepEqual(
      entries.find((e) => e.label === 'tenant_id'),
      { kind: 'parameter', label: 'tenant_id', type: 'string', insertText: 'tenant_id' },
      'no default value: none is offered',
    );
  });

  it("lists declared variables inside variables('...'), quoted for the expression and escaped for JSON", () => {
    const withVariables = fixture.replace(
      '"annotations": []',
      `"annotations": [],\n    "variables": { "job_status": { "type": "String" }, "it's \\"done\\"": { "type": "Boolean" } }`,
    );
    const { document, offset } = withText('"value": "@', "variables('", withVariables);
    const entries = completionsAt(document, offset)?.entries ?? [];
    assert.deepEqual(
      entries.map((e) => [e.kind, e.label, e.kind === 'variable' ? e.insertText : '']),
      [
        ['variable', 'job_status', 'job_status'],
        ['variable', `it's "done"`, `it''s \\"done\\"`],
      ],
    );
  });

  it("lists only the activities that run before this one inside activity('...')", () => {
    const inWait = withText('"waitTimeInSeconds": "@', "activity('");
    assert.deepEqual(labels(completionsAt(inWait.document, inWait.offset)?.entries ?? [], 'activity').sort(), [
      'Check status',
      'Remember status',
      'Run Batch-Endpoint',
    ]);
    const first = withText('"url": "@concat(', "activity('");
    assert.deepEqual(completionsAt(first.document, first.offset)?.entries, []);
  });

  it('lists pipeline() properties after pipeline().', () => {
    const { document, offset } = withText('"waitTimeInSeconds": "@', 'pipeline().');
    const names = labels(completionsAt(document, offset)?.entries ?? [], 'pipelineProperty');
    for (const name of ['parameters', 'globalParameters', 'RunId', 'TriggerTime', 'DataFactory'])
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  });

  it('offers nothing outside expressions', () => {
    const document = parsePipelineDocument(fixture);
    const offset = fixture.indexOf('"Content-Type": "application/json"') + '"Content-Type": "appl'.length;
    assert.equal(completionsAt(document, offset), undefined);
    assert.equal(completionsAt(document, fixture.indexOf('"name"') + 2), undefined, 'in a key');
  });
});

describe('editor support: hover in expressions (hoverAt)', () => {
  const document = parsePipelineDocument(fixture);
  const at = (anchor: string, into: number): number => {
    const index = fixture.indexOf(anchor);
    assert.ok(index >= 0, `fixture holds ${anchor}`);
    return index + into;
  };
  const hovered = (offset: number, doc = document): { contents: string; text: string } | undefined => {
    const hover = hoverAt(doc, offset);
    return hover && { contents: hover.contents, text: doc.text.slice(hover.range.start, hover.range.end) };
  };

  it("shows a function's signature and one-line description over its name", () => {
    const concat = hovered(at("@concat('https://login", 3));
    assert.equal(concat?.text, 'concat');
    assert.match(
      concat?.contents ?? '',
      /^```\nconcat\(text1: any, text2: any, \.\.\.\): string \| array\n```\n\nCombine two or more strings \(other values as their text; arrays into one array\) and return the result\./,
    );
    assert.match(hovered(at('@equals(', 2))?.contents ?? '', /equals\(object1: any, object2: any\)/);
  });

  it('shows the declared type and default of pipeline().parameters.X, and says when it is not declared', () => {
    assert.deepEqual(hovered(at('parameters.poll_interval', 'parameters.poll'.length)), {
      contents: '**parameter** `poll_interval`: int\n\ndefault: `120`',
      text: 'poll_interval',
    });
    assert.equal(
      hovered(at('parameters.tenant_id', 'parameters.t'.length))?.contents,
      '**parameter** `tenant_id`: string\n\nno default value',
    );
    assert.equal(
      hovered(at('parameters.output_folder', 'parameters.o'.length))?.contents,
      'No parameter named `output_folder` in this pipeline.',
    );
  });

  it("shows the type of activity('X') and whether it runs before the expression", () => {
    assert.equal(
      hovered(at("activity('Run Batch-Endpoint').output.name", "activity('R".length))?.contents,
      '**activity** `Run Batch-Endpoint`: WebActivity',
    );
    assert.match(
      hovered(at("activity('Authorize')", "activity('A".length))?.contents ?? '',
      /^\*\*activity\*\* `Authorize`: WebActivity\n\nIt does not run before this expression/,
    );
  });

  it('says nothing outside expressions or on an unparsed document', () => {
    assert.equal(hovered(at('"Content-Type": "application/json"', 20)), undefined);
    assert.equal(hoverAt(parsePipelineDocument('['.repeat(600)), 1), undefined, 'too deep to parse');
    const halfTyped = parsePipelineDocument('{"a": "@concat(');
    assert.match(hoverAt(halfTyped, 9)?.contents ?? '', /^```\nconcat\(/, 'a function in half-typed JSON still shows');
  });

  it('answers from the next version of a document, whose tree was patched after an edit before the name', () => {
    const first = parsePipelineDocument(fixture);
    const edit = fixture.indexOf('Run Batch-Endpoint') + 3;
    const text = fixture.slice(0, edit) + 'XYZ' + fixture.slice(edit);
    const second = parsePipelineDocument(text, { previous: first });
    assert.equal(second.json.root, first.json.root, 'patched in place, not parsed again');
    const offset = text.indexOf('parameters.poll_interval') + 'parameters.poll'.length;
    assert.deepEqual(hovered(offset, second), {
      contents: '**parameter** `poll_interval`: int\n\ndefault: `120`',
      text: 'poll_interval',
    });
  });
});
