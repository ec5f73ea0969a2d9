// The wizard's export writes only where it may: a folder typed into the webview that the picker never returned and
// that lies outside the workspace is refused with nothing written; a bad pipeline name is reported first.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive, endpointOf, type Driven } from './controller-helpers';
import { usePublishEmulator } from './fixture';

describe('integration: the wizard export folder rules', () => {
  const fx = usePublishEmulator();

  async function toReviewExporting(d: Driven, exportFolder: string): Promise<void> {
    d.controller.start();
    await d.controller.whenIdle();
    await d.send('next');
    await d.send('updateForm', { patch: { targetKind: 'export', exportFolder } });
    await d.send('next');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/' } });
    await d.send('next');
  }

  it('refuses a typed folder outside the workspace that the picker never gave, writing nothing', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'wizard-outside-'));
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toReviewExporting(d, outside);
    await d.send('publish');
    const view = d.controller.view();
    assert.notEqual(view.publish.status, 'done');
    assert.equal(view.error?.title, 'The wizard cannot write there');
    assert.deepEqual(readdirSync(outside), [], 'nothing written');
  });

  it('refuses a relative folder', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toReviewExporting(d, 'exports');
    await d.send('publish');
    assert.match(d.controller.view().error?.message ?? '', /not an absolute path/);
    assert.equal(existsSync(join(process.cwd(), 'exports')), false);
  });

  it('reports a bad pipeline name as a name problem before the folder problem', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toReviewExporting(d, 'relative');
    await d.send('updateForm', { patch: { pipelineName: '../../etc/x' } });
    assert.ok(d.controller.view().formProblems.pipelineName, 'the review shows the name problem');
    await d.send('publish');
    const view = d.controller.view();
    assert.notEqual(view.publish.status, 'done');
    assert.notEqual(view.error?.title, 'The wizard cannot write there', 'the name is reported, not the path');
    assert.equal(existsSync(join(process.cwd(), 'relative')), false);
  });

  it('writes into a folder inside the workspace typed by hand', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    const inside = join(d.folder, 'typed', 'exports');
    await toReviewExporting(d, inside);
    await d.send('publish');
    const view = d.controller.view();
    assert.equal(view.publish.status, 'done', JSON.stringify(view.error ?? view.notice));
    assert.deepEqual(readdirSync(inside).sort(), [
      'Run-score-fast.arm-template.json',
      'Run-score-fast.json',
      'Run-score-fast.zip',
    ]);
  });

  it('reads the files it would replace only where it may write them (review)', async () => {
    const first = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toReviewExporting(first, join(first.folder, 'out'));
    await first.send('publish');
    const names = readdirSync(join(first.folder, 'out'));
    assert.deepEqual(names.sort(), ['Run-score-fast.arm-template.json', 'Run-score-fast.json', 'Run-score-fast.zip']);
    // The same files inside the next wizard's workspace, and in a folder outside it that the picker never gave.
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    const inside = join(d.folder, 'typed', 'reviewed');
    const outside = mkdtempSync(join(tmpdir(), 'wizard-outside-review-'));
    mkdirSync(inside, { recursive: true });
    for (const name of names) for (const folder of [inside, outside]) writeFileSync(join(folder, name), 'x');
    await toReviewExporting(d, inside);
    assert.equal(d.controller.view().review?.exists, true, 'inside the workspace the existing files are seen');
    await d.send('updateForm', { patch: { exportFolder: outside } });
    await d.controller.whenIdle();
    assert.equal(d.controller.view().review?.exists, false, 'outside, nothing is read');
  });
});
