// Quick fixes through VS Code's code action API: each one applied to a copy of the broken fixture, with the
// resulting text checked and its diagnostic gone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  brokenPipelineText,
  closeAllEditors,
  openUntitled,
  summarize,
  waitForDiagnostics,
} from './editor-fixture';

interface Pipeline {
  properties: {
    activities: Activity[];
    parameters: Record<string, unknown>;
    variables?: Record<string, unknown>;
  };
}
interface Activity {
  name: string;
  dependsOn: { activity: string }[];
  policy?: Record<string, unknown>;
  typeProperties: Record<string, unknown> & { activities?: Activity[] };
}

/** Opens a copy, finds the quick fix titled `title` on the diagnostic with `code`, applies it; returns the document. */
async function applyFix(code: string, title: RegExp): Promise<vscode.TextDocument> {
  const document = await openUntitled(brokenPipelineText);
  const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === 9);
  const diagnostic = diagnostics.find((d) => summarize([d])[0].startsWith(code));
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const offered = await quickFixes(document, diagnostic.range);
  const action = offered.find((a) => title.test(a.title));
  assert.ok(action?.edit, `no quick fix ${title} among ${JSON.stringify(offered.map((a) => a.title))}`);
  assert.equal(action.isPreferred, true);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  // The repaired problem disappears once the edit is validated.
  await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => summarize([x])[0].startsWith(code)));
  return document;
}

/** The quick fixes VS Code offers at `range` (the API command's results do not say which diagnostic they fix). */
async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

const parsed = (document: vscode.TextDocument): Pipeline => JSON.parse(document.getText()) as Pipeline;
const original = JSON.parse(brokenPipelineText) as Pipeline;

describe('editor: quick fixes', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('renames an unknown dependsOn target to the closest activity name (preferred fix, one-token edit)', async () => {
    const document = await applyFix('ADF301', /Change to "Authorize"/);
    assert.equal(document.getText(), brokenPipelineText.replace('"Authorise"', '"Authorize"'));
  });

  it('declares an undeclared parameter, keeping the others', async () => {
    const document = await applyFix('ADF505', /Declare parameter "output_folder"/);
    const parameters = parsed(document).properties.parameters;
    assert.deepEqual(parameters, { ...original.properties.parameters, output_folder: { type: 'string' } });
    // Everything else is untouched.
    assert.deepEqual(
      { ...parsed(document), properties: { ...parsed(document).properties, parameters: {} } },
      { ...original, properties: { ...original.properties, parameters: {} } },
    );
  });

  it('declares an undeclared variable (creating the variables block)', async () => {
    const document = await applyFix('ADF506', /Declare variable "job_status"/);
    assert.deepEqual(parsed(document).properties.variables, { job_status: { type: 'String' } });
  });

  it("adds Failed and Canceled to the polling loop's exit condition", async () => {
    const document = await applyFix('ADF706', /stop on Failed and Canceled/);
    const loop = parsed(document).properties.activities[2];
    assert.equal(
      loop.typeProperties.expression,
      "@or(equals(activity('Check status').output.properties.status, 'Completed'), contains(createArray('Failed', 'Canceled'), activity('Check status').output.properties.status))",
    );
  });

  it('sets secureInput and secureOutput where a secret flows', async () => {
    const document = await applyFix('ADF606', /secureInput and policy\.secureOutput/);
    assert.deepEqual(parsed(document).properties.activities[0].policy, {
      timeout: '0.00:10:00',
      retry: 0,
      secureInput: true,
      secureOutput: true,
    });
  });

  it('adds a timeout to the polling loop', async () => {
    const document = await applyFix('ADF707', /timeout/);
    assert.equal(parsed(document).properties.activities[2].typeProperties.timeout, '0.12:00:00');
    assert.equal(parsed(document).properties.activities[2].typeProperties.activities?.length, 3);
  });

  it('offers nothing on diagnostics without a fix', async () => {
    const document = await openUntitled(brokenPipelineText);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === 9);
    const notUpstream = diagnostics.find((d) => summarize([d])[0].startsWith('ADF508'));
    assert.ok(notUpstream);
    assert.deepEqual(
      (await quickFixes(document, notUpstream.range)).map((a) => a.title),
      [],
    );
  });
});
