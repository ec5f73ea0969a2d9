// Diagnostics in the editor: which files get them, exact codes and ranges, rule links, related locations,
// re-validation as you type, and the settings (include globs, off switch).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  adfDiagnostics,
  brokenPipelinePath,
  brokenPipelineText,
  closeAllEditors,
  editorFixtures,
  openUntitled,
  repoRoot,
  summarize,
  waitForDiagnostics,
  waitForSomeDiagnostics,
} from './editor-fixture';

/** What the validator reports on Score-Broken.json, with the exact ranges (1-based lines:columns). */
const BROKEN_EXPECTED = [
  'ADF606 warning 6:17-6:28',
  'ADF301 error 26:25-26:36',
  'ADF508 error 38:60-38:69',
  'ADF505 error 40:257-40:270',
  'ADF707 info 44:17-44:31',
  'ADF706 warning 50:25-50:98',
  'ADF708 warning 53:23-53:37',
  'ADF508 error 65:66-65:75',
  'ADF506 error 76:33-76:45',
];

const loose = (name: string): vscode.Uri => vscode.Uri.file(join(editorFixtures, 'loose', name));

describe('editor: diagnostics', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('a pipeline file of a git-integration folder: exact codes, severities and ranges', async () => {
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    const diagnostics = await waitForSomeDiagnostics(document.uri);
    assert.deepEqual(summarize(diagnostics), BROKEN_EXPECTED);
    const typo = diagnostics[1];
    assert.match(typo.message, /No activity named "Authorise".*did you mean "Authorize"\?/);
    assert.equal(document.getText(typo.range), '"Authorise"');
    assert.equal(document.getText(diagnostics[3].range), 'output_folder');
  });

  it('each code links to its section of docs/rules.md, and related locations point at the activity', async () => {
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    const diagnostics = await waitForSomeDiagnostics(document.uri);
    const rulesPage = join(repoRoot, 'docs', 'rules.md');
    for (const diagnostic of diagnostics) {
      assert.equal(typeof diagnostic.code, 'object');
      const { value, target } = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(target.fsPath, rulesPage);
      if (existsSync(rulesPage)) {
        // The fragment is `L<line>`: that line of the page is the heading of this code.
        const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
        assert.ok(line > 0, `${value}: no line fragment in ${target.toString()}`);
        const heading = readFileSync(rulesPage, 'utf8').split(/\r?\n/)[line - 1];
        assert.match(heading, new RegExp(`^#+ .*${value}`), `${value} links to "${heading}"`);
      }
    }
    const notUpstream = diagnostics.find((d) => summarize([d])[0].startsWith('ADF508'));
    assert.ok(notUpstream?.relatedInformation?.length);
    const related = notUpstream.relatedInformation[0];
    assert.equal(related.location.uri.toString(), document.uri.toString());
    assert.equal(document.getText(related.location.range), '"Authorize"');
    assert.match(related.message, /"Authorize" is defined here/);
  });

  it('an ARM template with a pipeline resource is validated; ARM expressions and [[ escapes are not ADF expressions', async () => {
    const document = await vscode.workspace.openTextDocument(loose('arm-template.json'));
    const diagnostics = await waitForSomeDiagnostics(document.uri);
    assert.deepEqual(summarize(diagnostics), ['ADF505 error 18:78-18:83']);
    assert.equal(document.getText(diagnostics[0].range), 'delay');
  });

  it('other JSON files get nothing; a file in a pipeline/ folder is validated even before it holds activities', async () => {
    const other = await vscode.workspace.openTextDocument(loose('not-a-pipeline.json'));
    const draft = await vscode.workspace.openTextDocument(join(editorFixtures, 'workspace', 'pipeline', 'Draft.json'));
    // Both were scheduled together: once the draft has its result, the other file's turn has passed.
    assert.deepEqual(summarize(await waitForSomeDiagnostics(draft.uri)), ['ADF002 warning 1:1-1:2']);
    assert.deepEqual(adfDiagnostics(other.uri), []);
  });

  it('re-validates as you type, and the last edit wins', async () => {
    const document = await openUntitled(brokenPipelineText);
    await waitForDiagnostics(document.uri, (d) => d.length === BROKEN_EXPECTED.length);
    const editor = await vscode.window.showTextDocument(document);
    // Fix the dependsOn typo one keystroke at a time: "Authorise" -> "Authorize".
    const typo = document.getText().indexOf('"Authorise"') + '"Authori'.length;
    await editor.edit((b) => b.delete(new vscode.Range(document.positionAt(typo), document.positionAt(typo + 1))));
    await editor.edit((b) => b.insert(document.positionAt(typo), 'z'));
    const fixed = await waitForDiagnostics(document.uri, (d) => !summarize(d).some((s) => s.startsWith('ADF301')));
    // With the dependency in place, Authorize runs before both users of its token.
    assert.deepEqual(
      summarize(fixed).map((s) => s.split(' ')[0]),
      ['ADF606', 'ADF505', 'ADF707', 'ADF706', 'ADF708', 'ADF506'],
    );
    // A burst of edits: only the final text counts.
    for (const ch of ['x', 'y', 'z']) await editor.edit((b) => b.insert(new vscode.Position(0, 1), ch));
    const afterBurst = await waitForDiagnostics(document.uri, (d) => summarize(d).some((s) => s.startsWith('ADF001')));
    assert.ok(
      summarize(afterBurst).every((s) => s.startsWith('ADF001')),
      'only syntax errors while the JSON is broken',
    );
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, (d) => d.length === 6 && !summarize(d).some((s) => s.startsWith('ADF001')));
  });

  it('include globs add files; the off switch clears every diagnostic', async () => {
    const config = vscode.workspace.getConfiguration('adfBatchEndpoints.validation');
    const custom = await vscode.workspace.openTextDocument(loose('custom-job.json'));
    const broken = await vscode.workspace.openTextDocument(brokenPipelinePath);
    await waitForSomeDiagnostics(broken.uri);
    assert.deepEqual(adfDiagnostics(custom.uri), []);
    try {
      await config.update('include', ['**/loose/custom-*.json'], vscode.ConfigurationTarget.Global);
      assert.deepEqual(summarize(await waitForSomeDiagnostics(custom.uri)), ['ADF002 warning 1:1-1:2']);
      await config.update('enabled', false, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(broken.uri, (d) => d.length === 0);
      assert.deepEqual(adfDiagnostics(custom.uri), []);
    } finally {
      await config.update('include', undefined, vscode.ConfigurationTarget.Global);
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(broken.uri, (d) => d.length === BROKEN_EXPECTED.length);
    await waitForDiagnostics(custom.uri, (d) => d.length === 0);
  });

  it('an activity limit from the settings', async () => {
    const config = vscode.workspace.getConfiguration('adfBatchEndpoints.validation');
    const document = await vscode.workspace.openTextDocument(brokenPipelinePath);
    await waitForSomeDiagnostics(document.uri);
    try {
      await config.update('activityLimit', 5, vscode.ConfigurationTarget.Global);
      const limited = await waitForDiagnostics(document.uri, (d) => summarize(d).some((s) => s.startsWith('ADF401')));
      assert.match(limited.find((d) => summarize([d])[0].startsWith('ADF401'))?.message ?? '', /6 activities.*5/);
    } finally {
      await config.update('activityLimit', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(document.uri, (d) => !summarize(d).some((s) => s.startsWith('ADF401')));
  });
});
