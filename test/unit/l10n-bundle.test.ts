// Every string of the extension's code that a user reads goes through l10n.t (vscode.l10n in the extension,
// @vscode/l10n in the webviews, fed the bundle the extension hands over), and l10n/bundle.l10n.json is the bundle
// @vscode/l10n-dev exports from today's sources (`npm run l10n`), so a translation covers every such string.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson, getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';
import { webviewHtml } from '../../src/webview-host/html';
import { L10N_ELEMENT_ID } from '../../src/webview-host/protocol';
import { exportedSourceFiles, localisedSourceFiles, rawStrings } from '../support/l10n-scan';

const BUNDLE = 'l10n/bundle.l10n.json';

function committedBundle(): l10nJsonFormat {
  return JSON.parse(readFileSync(BUNDLE, 'utf8')) as l10nJsonFormat;
}

async function exportedBundle(): Promise<l10nJsonFormat> {
  const files = exportedSourceFiles().map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') }));
  return getL10nJson(files);
}

describe('code localisation (l10n/bundle.l10n.json)', () => {
  it('the committed bundle is what @vscode/l10n-dev exports from the sources (run `npm run l10n`)', async function () {
    this.timeout(60_000);
    const exported = await exportedBundle();
    const committed = committedBundle();
    assert.ok(Object.keys(exported).length > 60, `only ${Object.keys(exported).length} strings found`);
    assert.deepEqual(
      Object.keys(exported).filter((k) => !(k in committed)),
      [],
      'strings in l10n.t calls that the bundle lacks',
    );
    assert.deepEqual(
      Object.keys(committed).filter((k) => !(k in exported)),
      [],
      'bundle entries no code uses any more',
    );
  });

  it('no user-visible string in src bypasses l10n.t', function () {
    this.timeout(60_000);
    const raw = localisedSourceFiles().flatMap(rawStrings);
    assert.deepEqual(
      raw.map((r) => `${r.file}:${r.line}: ${r.text}`),
      [],
      'wrap these in vscode.l10n.t (extension) or l10n.t from @vscode/l10n (webview)',
    );
  });

  it('the scan finds a raw string handed to a message, a tree label and a webview template', () => {
    // The scanner itself, on a sample: a scan that found nothing would pass the test above vacuously.
    const file = join(mkdtempSync(join(tmpdir(), 'l10n-scan-')), 'sample.ts');
    writeFileSync(
      file,
      [
        "void vscode.window.showWarningMessage('The factory has no identity.', 'Grant');",
        "const node = new MessageNode('root#x', undefined, 'No subscriptions selected');",
        "const item = { label: vscode.l10n.t('Fine'), description: `of ${count} endpoints` };",
        'const view = html`<h2>Review the pipeline</h2><span>${name}</span>`;',
        "const ok = { label: `$(cloud) ${name}`, title: 'adfBatchEndpoints.refresh' };",
        "checks.push(fail('endpoint.scoringUri', 'Scoring URI', l10n.t('None yet.'), `Wait for ${name}.`));",
        "log.info('Started a run.');",
      ].join('\n'),
    );
    assert.deepEqual(
      rawStrings(file).map((r) => `${r.line}: ${r.text}`),
      [
        '1: The factory has no identity.',
        '1: Grant',
        '2: No subscriptions selected',
        '3: of ${} endpoints',
        '4: Review the pipeline',
        '6: Scoring URI',
        '6: Wait for ${}.',
      ],
    );
  });

  it('a webview reads the bundle the extension embeds, and a pseudo-locale bundle changes its strings', () => {
    const pseudo = getL10nPseudoLocalized(committedBundle());
    const key = 'Dry run: {0}';
    assert.ok(key in pseudo, `${key} is in the bundle`);
    pseudo['</script><script>alert(1)</script>'] = 'x';
    const page = webviewHtml({ cspSource: 'vscode-resource:', scriptUri: 'x.js', title: 't', l10nBundle: pseudo });
    const match = new RegExp(
      `<script type="application/json" id="${L10N_ELEMENT_ID}" nonce="[^"]+">(.*?)</script>`,
    ).exec(page);
    assert.ok(match, 'the bundle element is in the page');
    assert.ok(!match[1].includes('</script'), 'a bundle value cannot end the script element');
    const embedded = JSON.parse(match[1]) as l10nJsonFormat;
    l10n.config({ contents: embedded });
    try {
      const translated = l10n.t(key, 'daily-scoring');
      assert.notEqual(translated, 'Dry run: daily-scoring');
      assert.match(translated, /daily-scoring/);
      assert.equal(translated, (pseudo[key] as string).replace('{0}', 'daily-scoring'));
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
