// The cloud settings' descriptions tell users what the code does: user settings only (a workspace value is
// ignored), what each cloud value does, and that the shared sovereign-cloud setting is asked about, not rewritten.
import * as assert from 'node:assert/strict';
import { localizedManifest } from '../support/manifest';

interface Setting {
  markdownDescription?: string;
  enum?: string[];
  scope?: string;
}
const manifest = localizedManifest<{ contributes: { configuration: { properties: Record<string, Setting> } } }>('.');
const settings = manifest.contributes.configuration.properties;

describe('cloud setting descriptions', () => {
  for (const key of ['adfBatchEndpoints.cloud', 'adfBatchEndpoints.customCloud']) {
    it(`${key} says it is read from user settings only and a workspace value is ignored`, () => {
      const text = settings[key]?.markdownDescription ?? '';
      assert.equal(settings[key]?.scope, 'application');
      assert.match(text, /User settings only/);
      assert.match(text, /workspace or folder settings.*? is ignored/);
    });
  }

  it('adfBatchEndpoints.cloud says what each value does, and asks before changing the shared sovereign setting', () => {
    const cloud = settings['adfBatchEndpoints.cloud']!;
    const text = cloud.markdownDescription ?? '';
    for (const value of cloud.enum ?? []) assert.match(text, new RegExp(`\`${value}\``), value);
    assert.match(
      text,
      /microsoft-sovereign-cloud\.environment#` setting it shares with other extensions, the extension asks/,
    );
    assert.doesNotMatch(text, /also set `microsoft-sovereign-cloud/);
  });

  it('adfBatchEndpoints.customCloud says its endpoints must be https', () => {
    assert.match(settings['adfBatchEndpoints.customCloud']?.markdownDescription ?? '', /must be https/);
  });
});
