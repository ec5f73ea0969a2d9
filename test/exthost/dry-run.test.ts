// Runs inside the extension host (code-server) against the emulator: "Dry Run Pipeline" is contributed where
// pipeline files are, runs the open editor's text (unsaved edits included) with the local engine, streams
// the activity runs to its view, takes tokens from the configured service principal (standing in for the
// factory's managed identity), and cancels.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/api';
import type { DryRunApi, DryRunResult } from '../../src/dry-run/api';
import { CANARY_SECRET, canaryPipelineProperties, revealedCanaryForms } from '../fixtures/secret-canary';
import { localizedManifest } from '../support/manifest';

interface MenuEntry {
  command: string;
  when?: string;
}
interface Manifest {
  publisher: string;
  name: string;
  contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, MenuEntry[]> };
}

const repoRoot = join(__dirname, '..', '..', '..');
const manifest = localizedManifest<Manifest>(repoRoot);
const COMMAND = 'adfBatchEndpoints.dryRunPipeline';

function emulatorUrl(): string {
  const url = process.env.ADF_BATCH_EMULATOR_URL;
  assert.ok(url, 'the harness passes ADF_BATCH_EMULATOR_URL');
  return url;
}

function tenantId(): string {
  const sp = vscode.workspace.getConfiguration('adfBatchEndpoints').get<{ tenantId?: string }>('servicePrincipal');
  assert.ok(sp?.tenantId, 'the harness configures a service principal');
  return sp.tenantId;
}

describe('Dry Run Pipeline (extension host, emulator)', function () {
  this.timeout(60_000);
  let api: DryRunApi;
  let exported: ExtensionApi;
  let folder: string;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(`${manifest.publisher}.${manifest.name}`);
    assert.ok(extension);
    exported = await extension.activate();
    assert.ok(exported.dryRun, 'activate() exposes the dry run API');
    api = exported.dryRun;
    folder = join(mkdtempSync(join(tmpdir(), 'adf-dry-run-')), 'pipeline');
    mkdirSync(folder);
  });

  function writePipeline(name: string, properties: Record<string, unknown>): vscode.Uri {
    const path = join(folder, `${name}.json`);
    writeFileSync(path, JSON.stringify({ name, properties }, null, 2));
    return vscode.Uri.file(path);
  }

  const callsTheEmulator = (): Record<string, unknown> => ({
    parameters: { emulator: { type: 'String' }, tenant: { type: 'String' } },
    variables: { count: { type: 'String' } },
    activities: [
      {
        name: 'Discover',
        type: 'WebActivity',
        typeProperties: {
          method: 'GET',
          url: {
            value:
              "@concat(pipeline().parameters.emulator, '/', pipeline().parameters.tenant, '/v2.0/.well-known/openid-configuration')",
            type: 'Expression',
          },
        },
      },
      {
        name: 'List subscriptions',
        type: 'WebActivity',
        dependsOn: [{ activity: 'Discover', dependencyConditions: ['Succeeded'] }],
        typeProperties: {
          method: 'GET',
          url: {
            value: "@concat(pipeline().parameters.emulator, '/subscriptions?api-version=2022-12-01')",
            type: 'Expression',
          },
          authentication: { type: 'MSI', resource: 'https://management.azure.com/' },
        },
      },
      {
        name: 'Count',
        type: 'SetVariable',
        dependsOn: [{ activity: 'List subscriptions', dependencyConditions: ['Succeeded'] }],
        typeProperties: {
          variableName: 'count',
          value: "@string(length(activity('List subscriptions').output.value))",
        },
      },
    ],
  });

  it('is contributed to the editor title and the explorer context menu of pipeline files', () => {
    assert.ok(manifest.contributes.commands.some((c) => c.command === COMMAND && c.title === 'Dry Run Pipeline'));
    for (const menu of ['editor/title', 'explorer/context']) {
      const entry = manifest.contributes.menus[menu]?.find((m) => m.command === COMMAND);
      assert.ok(entry, `${menu} has Dry Run Pipeline`);
      assert.match(entry.when ?? '', /pipeline/);
    }
  });

  it('runs a pipeline against the emulator and shows its activity runs as they progress', async () => {
    const uri = writePipeline('CallsTheEmulator', callsTheEmulator());
    await vscode.window.showTextDocument(uri);
    const result = (await vscode.commands.executeCommand(COMMAND, uri, {
      prompt: false,
      target: 'settings',
      parameters: { emulator: emulatorUrl(), tenant: tenantId() },
    })) as DryRunResult;
    assert.ok(result, 'the command returns the run');
    assert.equal(result.pipelineRun.status, 'Succeeded', result.pipelineRun.message);
    const byName = new Map(result.activityRuns.map((a) => [a.activityName, a]));
    assert.match(String((byName.get('Discover')!.output as { issuer?: string }).issuer), new RegExp(tenantId()));
    const count = (byName.get('Count')!.output as { value: string }).value;
    assert.ok(Number(count) >= 1, `the stand-in service principal listed subscriptions: ${count}`);
    assert.ok(!JSON.stringify(result.activityRuns).includes('eyJ'), 'no token in the records');

    const view = api.lastView();
    assert.ok(view);
    assert.equal(view.title, 'Dry run: CallsTheEmulator');
    assert.equal(view.pipelineStatus, 'Succeeded');
    assert.deepEqual(
      view.rows.map((r) => [r.activityName, r.status]),
      [
        ['Discover', 'Succeeded'],
        ['List subscriptions', 'Succeeded'],
        ['Count', 'Succeeded'],
      ],
    );
    assert.ok(
      view.history.indexOf('Discover:InProgress') < view.history.indexOf('Discover:Succeeded'),
      'the view saw the run in progress',
    );
  });

  it("runs the editor's unsaved text, and reports a failure with its error", async () => {
    const uri = writePipeline('Edited', {
      activities: [{ name: 'Pause', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }],
    });
    const editor = await vscode.window.showTextDocument(uri);
    const edited = JSON.stringify(
      {
        name: 'Edited',
        properties: {
          activities: [
            { name: 'Stop here', type: 'Fail', typeProperties: { message: 'unsaved edit ran', errorCode: 'E1' } },
          ],
        },
      },
      null,
      2,
    );
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), edited));
    assert.equal(editor.document.isDirty, true);
    const result = await api.run(uri, { prompt: false, target: 'offline' });
    assert.ok(result);
    assert.equal(result.pipelineRun.status, 'Failed');
    assert.equal(result.pipelineRun.message, 'Operation on target Stop here failed: unsaved edit ran');
    assert.deepEqual(
      result.activityRuns.map((a) => [a.activityName, a.status, a.error?.errorCode]),
      [['Stop here', 'Failed', 'E1']],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lists a finished dry run in the Pipeline Runs view as a local run of its file', async () => {
    const uri = writePipeline('ListedLocally', {
      activities: [{ name: 'Stop', type: 'Fail', typeProperties: { message: 'listed', errorCode: 'E2' } }],
    });
    const result = await api.run(uri, { prompt: false, target: 'offline' });
    assert.equal(result?.pipelineRun.status, 'Failed');
    const runs = exported.runsView!.tree;
    const run = runs.runs()[0];
    assert.deepEqual(
      { runId: run?.runId, file: run?.factoryId, source: run?.source, status: run?.lastStatus },
      { runId: result.pipelineRun.runId, file: uri.toString(), source: 'dryRun', status: 'Failed' },
    );
    const item = runs.getTreeItem({ kind: 'run', run: run! });
    assert.match(String(item.description), /^dry run \(local\) · Failed · /);
    assert.equal(item.contextValue, 'adfBatch.runs.dryRun', 'no Cancel, Rerun or ADF Studio on a local run');
    assert.equal(item.command?.command, 'vscode.open');
    assert.ok(!runs.activeRunIds().includes(run!.runId), 'a dry run is never polled');
  });

  it('reports activity types the engine does not run as failed, never skipped', async () => {
    const uri = writePipeline('Unsupported', { activities: [{ name: 'Copy data', type: 'Copy', typeProperties: {} }] });
    const result = await api.run(uri, { prompt: false, target: 'offline' });
    assert.ok(result);
    assert.equal(result.activityRuns[0]!.status, 'Failed');
    assert.match(result.activityRuns[0]!.error!.message, /not supported by the local engine/);
  });

  it('cancels a dry run in progress with the Cancel Dry Run command', async () => {
    const uri = writePipeline('Slow', {
      activities: [{ name: 'Long wait', type: 'Wait', typeProperties: { waitTimeInSeconds: 3600 } }],
    });
    const running = api.run(uri, { prompt: false, target: 'offline' });
    for (let i = 0; i < 100 && api.lastView()?.title !== 'Dry run: Slow'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(api.lastView()?.pipelineStatus, 'InProgress');
    const cancelled = await vscode.commands.executeCommand<number>('adfBatchEndpoints.cancelDryRun');
    assert.equal(cancelled, 1);
    const result = await running;
    assert.ok(result);
    assert.equal(result.pipelineRun.status, 'Cancelled');
    assert.equal(result.activityRuns[0]!.status, 'Cancelled');
    assert.equal(api.lastView()?.pipelineStatus, 'Cancelled');
  });

  it('shows the canary SecureString in none of its encodings in the view state posted to the webview', async () => {
    const uri = writePipeline('Canary', canaryPipelineProperties());
    const result = await api.run(uri, { prompt: false, target: 'offline', parameters: { secret: CANARY_SECRET } });
    assert.ok(result);
    assert.equal(result.pipelineRun.status, 'Succeeded', result.pipelineRun.message);
    const posted = api.lastViewMessages();
    const states = posted.filter((m) => (m as { type?: string }).type === 'state');
    type PostedState = { state: { status: string; rows: Array<{ name: string; output: string }> } };
    const last = states.at(-1) as PostedState;
    assert.equal(last?.state.status, 'Succeeded', 'the view got the final state');
    // Each state carries the rows changed since the one before: the view's rows are all of them merged.
    const rows = new Map((states as PostedState[]).flatMap((m) => m.state.rows).map((row) => [row.name, row]));
    assert.equal(rows.size, 7, 'a row for each transformation');
    assert.match(rows.get('Concat')!.output, /before-.*-after/, 'the rows carry the activity outputs');
    assert.deepEqual(revealedCanaryForms(JSON.stringify(posted)), []);
  });

  it('ends a pipeline that executes itself, and one with a Copy activity, Failed at once (goal: within 5 s)', async () => {
    const self = writePipeline('Itself', {
      activities: [
        {
          name: 'Again',
          type: 'ExecutePipeline',
          typeProperties: { pipeline: { referenceName: 'Itself', type: 'PipelineReference' }, waitOnCompletion: true },
        },
      ],
    });
    const copy = writePipeline('Copies', { activities: [{ name: 'Copy data', type: 'Copy', typeProperties: {} }] });
    for (const uri of [self, copy]) {
      const started = Date.now();
      const result = await api.run(uri, { prompt: false, target: 'offline' });
      const elapsed = Date.now() - started;
      assert.ok(result);
      assert.equal(result.pipelineRun.status, 'Failed', result.pipelineRun.message);
      // Retrying what can never succeed took 2 minutes; a margin over the 5 s goal for a loaded machine.
      assert.ok(elapsed < 20_000, `${uri.path} ended after ${elapsed} ms`);
    }
  });

  it('answers a command while an expensive expression is evaluated (the engine runs in a worker thread)', async () => {
    // Seconds of evaluation even on a fast machine (set operations are linear now): 100 intersections of 200,000
    // items, summed. Only a worker the Cancel can terminate ends this run as Cancelled.
    const big = 'union(range(0, 100000), range(100000, 100000))';
    const one = `length(intersection(${big}, ${big}, ${big}, ${big}))`;
    const sum = Array.from({ length: 99 }).reduce<string>((acc) => `add(${acc}, ${one})`, one);
    const heavy = `@string(${sum})`;
    const uri = writePipeline('Heavy', {
      variables: { v: { type: 'String' } },
      // A first activity that waits, so the run has started (and the view is the run's) before the evaluation.
      activities: [
        { name: 'Warm up', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } },
        {
          name: 'Heavy',
          type: 'SetVariable',
          dependsOn: [{ activity: 'Warm up', dependencyConditions: ['Succeeded'] }],
          typeProperties: { variableName: 'v', value: heavy },
        },
      ],
    });
    const running = api.run(uri, { prompt: false, target: 'offline' });
    const heavyStatus = (): string | undefined =>
      api.lastView()?.title === 'Dry run: Heavy'
        ? api.lastView()?.rows.find((r) => r.activityName === 'Heavy')?.status
        : undefined;
    for (let i = 0; i < 600 && heavyStatus() !== 'InProgress'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(heavyStatus(), 'InProgress', 'the view shows the activity running before its evaluation ends');
    const cancelled = await vscode.commands.executeCommand<number>('adfBatchEndpoints.cancelDryRun');
    assert.equal(cancelled, 1);
    assert.equal(heavyStatus(), 'InProgress', 'the command was answered while the expression was still evaluated');
    const result = await running;
    assert.ok(result);
    assert.equal(result.pipelineRun.status, 'Cancelled', result.pipelineRun.message);
    assert.equal(api.lastView()?.pipelineStatus, 'Cancelled');
  });
});
