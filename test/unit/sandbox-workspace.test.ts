// The sample repository `npm start` opens: a new user's first look must show no problem in its own files.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../src/core/validator';
import { writeDesktopSandboxSettings } from '../harness/desktop-sandbox-settings';

describe('sandbox workspace (npm start)', () => {
  it('every pipeline of the sample repository validates without a problem', () => {
    const folder = join('test', 'sandbox', 'workspace', 'pipeline');
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    assert.deepEqual(files.sort(), ['Nightly-Churn.json', 'Prepare-ChurnFeatures.json', 'Run-BatchEndpoint.json']);
    for (const file of files) {
      const problems = validate(readFileSync(join(folder, file), 'utf8'));
      assert.deepEqual(
        problems.map((p) => `${p.code} ${p.message}`),
        [],
        file,
      );
    }
  });
});

describe('sandbox for F5 (desktop)', () => {
  it('keeps the credential settings out of the workspace file and writes them as user settings', () => {
    const workspace = readFileSync(join('test', 'sandbox', 'desktop.code-workspace'), 'utf8');
    assert.doesNotMatch(workspace, /adfBatchEndpoints\./, 'a workspace file cannot set application-scoped settings');
    const userDataDir = mkdtempSync(join(tmpdir(), 'adf-sandbox-user-'));
    try {
      const file = writeDesktopSandboxSettings(userDataDir);
      const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      assert.equal(settings['adfBatchEndpoints.cloud'], 'Custom');
      assert.equal(settings['adfBatchEndpoints.signInMethod'], 'servicePrincipal');
      assert.deepEqual(settings['adfBatchEndpoints.servicePrincipal'], {
        tenantId: '00000000-0000-0000-0000-00000000aaaa',
        clientId: '11111111-1111-1111-1111-111111111111',
      });
      const cloud = settings['adfBatchEndpoints.customCloud'] as Record<string, string>;
      assert.equal(cloud.resourceManagerEndpoint, 'https://127.0.0.1:7443');
      assert.doesNotMatch(readFileSync(file, 'utf8'), /sandbox-secret/, 'the secret comes from the environment');
    } finally {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
