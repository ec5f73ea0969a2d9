// Completion and hover inside expressions, through VS Code's provider commands (all providers' results
// merged, as the editor shows them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  brokenPipelinePath,
  brokenPipelineText,
  closeAllEditors,
  openUntitled,
  position,
} from './editor-fixture';

const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

async function complete(
  document: vscode.TextDocument,
  at: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    at,
    trigger,
  );
  return list.items;
}

async function hoverText(
  document: vscode.TextDocument,
  at: vscode.Position,
): Promise<{ text: string; range?: string }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
  const ours = hovers.filter((h) =>
    h.contents.some(
      (c) =>
        typeof c === 'object' &&
        'value' in c &&
        /\*\*|```|Unknown function|No (parameter|variable|activity)/.test(c.value),
    ),
  );
  const hover = ours[0];
  if (!hover) return { text: '' };
  const text = hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
  return { text, range: hover.range ? document.getText(hover.range) : undefined };
}

/** A copy of the fixture with `insert` written after `marker` (the cursor goes after the insert). */
async function withText(
  marker: string,
  insert: string,
): Promise<{ document: vscode.TextDocument; at: vscode.Position }> {
  const index = brokenPipelineText.indexOf(marker) + marker.length;
  const document = await openUntitled(brokenPipelineText.slice(0, index) + insert + brokenPipelineText.slice(index));
  return { document, at: document.positionAt(index + insert.length) };
}

describe('editor: expression completion', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('functions right after @, with their signatures; system functions first', async () => {
    const { document, at } = await withText('"waitTimeInSeconds": "@', '');
    const items = (await complete(document, at, '@')).filter((i) => i.kind === vscode.CompletionItemKind.Function);
    const names = items.map(label);
    for (const name of ['pipeline', 'activity', 'variables', 'concat', 'formatDateTime', 'utcNow', 'coalesce'])
      assert.ok(names.includes(name), `${name} offered`);
    const concat = items.find((i) => label(i) === 'concat');
    assert.equal(concat?.detail, 'concat(text1: any, text2: any, ...): string | array');
    assert.equal((concat?.insertText as vscode.SnippetString).value, 'concat($1)');
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(label);
    assert.deepEqual(sorted.slice(0, 3), ['pipeline', 'activity', 'variables']);
  });

  it('pipeline().parameters.* lists the declared parameters with their types', async () => {
    const { document, at } = await withText('"waitTimeInSeconds": "@pipeline().parameters.', '');
    const items = (await complete(document, at, '.')).filter((i) => i.kind === vscode.CompletionItemKind.Variable);
    assert.deepEqual(items.map(label).sort(), [
      'client_id',
      'client_secret',
      'endpoint_input_uri',
      'endpoint_uri',
      'poll_interval',
      'tenant_id',
    ]);
    assert.equal(items.find((i) => label(i) === 'poll_interval')?.detail, 'parameter: int');
  });

  it("variables('...') lists declared variables", async () => {
    const withVariables = brokenPipelineText.replace(
      '"annotations": []',
      '"annotations": [],\n    "variables": { "job_status": { "type": "String" }, "attempts": { "type": "Integer" } }',
    );
    const index = withVariables.indexOf('"value": "@') + '"value": "@'.length;
    const text = withVariables.slice(0, index) + "variables('" + withVariables.slice(index);
    const document = await openUntitled(text);
    const items = (await complete(document, document.positionAt(index + "variables('".length), "'")).filter(
      (i) => i.kind === vscode.CompletionItemKind.Variable,
    );
    assert.deepEqual(items.map(label).sort(), ['attempts', 'job_status']);
  });

  it("activity('...') lists only the activities that run before this one", async () => {
    // In "Wait" (after Remember status, after Check status, inside the loop after Run Batch-Endpoint).
    const { document, at } = await withText('"waitTimeInSeconds": "@', "activity('");
    const items = (await complete(document, at, "'")).filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(items.map(label).sort(), ['Check status', 'Remember status', 'Run Batch-Endpoint']);
    // In "Authorize", the first activity, nothing runs before.
    const first = await withText('"url": "@concat(', "activity('");
    assert.deepEqual(
      (await complete(first.document, first.at, "'")).filter((i) => i.kind === vscode.CompletionItemKind.Reference),
      [],
    );
  });

  it('pipeline() properties after pipeline().', async () => {
    const { document, at } = await withText('"waitTimeInSeconds": "@', 'pipeline().');
    const names = (await complete(document, at, '.'))
      .filter((i) => i.kind === vscode.CompletionItemKind.Property)
      .map(label);
    for (const name of ['parameters', 'globalParameters', 'RunId', 'TriggerTime', 'DataFactory'])
      assert.ok(names.includes(name), `${name} in ${names}`);
  });

  it('nothing of ours outside expressions', async () => {
    const document = await openUntitled(brokenPipelineText);
    const items = await complete(
      document,
      position(document, '"Content-Type": "application/json"', '"Content-Type": "appl'.length),
    );
    assert.deepEqual(
      items.filter(
        (i) => i.kind === vscode.CompletionItemKind.Function || i.kind === vscode.CompletionItemKind.Reference,
      ),
      [],
    );
  });
});

describe('editor: expression hover', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('a function shows its signature and one-line description', async () => {
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    const { text, range } = await hoverText(document, position(document, "@concat('https://login", 3));
    assert.equal(range, 'concat');
    assert.match(
      text,
      /^```\nconcat\(text1: any, text2: any, \.\.\.\): string \| array\n```\n\nCombine two or more strings \(other values as their text; arrays into one array\) and return the result\./,
    );
    const equals = await hoverText(document, position(document, '@equals(', 2));
    assert.match(equals.text, /equals\(object1: any, object2: any\)/);
  });

  it('pipeline().parameters.X shows the declared type and default value', async () => {
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    const poll = await hoverText(document, position(document, 'parameters.poll_interval', 'parameters.poll'.length));
    assert.deepEqual(poll, { text: '**parameter** `poll_interval`: int\n\ndefault: `120`', range: 'poll_interval' });
    const tenant = await hoverText(document, position(document, 'parameters.tenant_id', 'parameters.t'.length));
    assert.equal(tenant.text, '**parameter** `tenant_id`: string\n\nno default value');
    const missing = await hoverText(document, position(document, 'parameters.output_folder', 'parameters.o'.length));
    assert.equal(missing.text, 'No parameter named `output_folder` in this pipeline.');
  });

  it("activity('X') shows the activity type and whether it runs before", async () => {
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    const upstream = await hoverText(
      document,
      position(document, "activity('Run Batch-Endpoint').output.name", "activity('R".length),
    );
    assert.equal(upstream.text, '**activity** `Run Batch-Endpoint`: WebActivity');
    const notUpstream = await hoverText(document, position(document, "activity('Authorize')", "activity('A".length));
    assert.match(
      notUpstream.text,
      /^\*\*activity\*\* `Authorize`: WebActivity\n\nIt does not run before this expression/,
    );
  });
});
