// The text of "Report Issue": an environment summary and the log's end, with ids, people and credentials removed.
import * as assert from 'node:assert/strict';
import {
  issueReportBody,
  REPORT_LOG_LINES,
  sanitizeForIssue,
  type EnvironmentSummary,
} from '../../../src/core/issue-report';

const environment: EnvironmentSummary = {
  extensionId: 'adf-batch-endpoints.adf-batch-endpoints',
  extensionVersion: '0.1.0',
  vscodeVersion: '1.139.1',
  appHost: 'web',
  uiKind: 'web',
  platform: 'linux x64, Node.js 22.0.0',
  language: 'en',
  cloud: 'Custom',
  signInMethod: 'servicePrincipal',
  workspaceTrusted: true,
};

describe('issue report', () => {
  it('removes subscription and tenant ids, tokens, e-mail addresses, query strings and credential pairs', () => {
    const line = sanitizeForIssue(
      'debug GET https://management.azure.com/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg?api-version=2024-04-01&sig=abc 200 (12 ms) request 9d2c0f4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e ' +
        'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiJodHRwczovL21h.c2lnbmF0dXJl user ada@contoso.com client_secret=Zx9~secret AccountKey=abc123==;',
    );
    for (const leaked of [
      '0b1f6471',
      '9d2c0f4e',
      'eyJ0eXAi',
      'ada@contoso.com',
      'Zx9~secret',
      'abc123==',
      'sig=abc',
      'api-version',
    ])
      assert.ok(!line.includes(leaked), `${leaked} is still in: ${line}`);
    assert.match(
      line,
      /https:\/\/management\.azure\.com\/subscriptions\/<id>\/resourceGroups\/rg\?<query> 200 \(12 ms\)/,
    );
    assert.match(line, /Bearer <token>/);
    assert.match(line, /client_secret=<secret>/);
  });

  it('keeps what helps: status, duration, messages without ids', () => {
    const text = 'warn command adfBatchEndpoints.refresh: Azure did not answer in 30 s';
    assert.equal(sanitizeForIssue(text), text);
  });

  it('carries the environment and only the last log lines, sanitised', () => {
    const lines = Array.from({ length: REPORT_LOG_LINES + 20 }, (_, i) => `info line ${i}`);
    lines.push('info signed in as ada@contoso.com to 72f988bf-86f1-41af-91ab-2d7cd011db47');
    const body = issueReportBody(environment, lines);
    assert.match(body, /\| Extension \| adf-batch-endpoints\.adf-batch-endpoints 0\.1\.0 \|/);
    assert.match(body, /\| Cloud \| Custom \|/);
    assert.match(body, /\| Sign-in method \| servicePrincipal \|/);
    assert.ok(!body.includes('info line 20\n'), 'older lines are left out');
    assert.match(body, /info line 21\n/);
    assert.match(body, /info signed in as <email> to <id>/);
    assert.ok(!/72f988bf|contoso/.test(body));
  });

  it('a log line with a code fence cannot close the log block early', () => {
    const body = issueReportBody(environment, ['info ```json {"a":1}```']);
    assert.match(body, /~~~~\ninfo ```json/);
  });
});
