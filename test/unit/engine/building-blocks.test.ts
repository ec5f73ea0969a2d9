import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeHttpClient } from '../../../src/core/engine/http-client';
import { createStandInIdentity, keyVaultAudience } from '../../../src/core/engine/identity-providers';
import { SecretRedactor, REDACTED } from '../../../src/core/engine/redaction';
import { CANARY_SECRET, revealedCanaryForms } from '../../fixtures/secret-canary';
import { authorityHostOf, parseRunTargetSettings, runTargetFromUrl } from '../../../src/core/engine/run-target';
import { formatTimespan, parseTimespan } from '../../../src/core/pipeline';
import {
  folderLinkedServiceLookup,
  folderPipelineResolver,
  pipelineFromJson,
} from '../../../src/core/engine/workspace';
import { json, StubHttp } from './support';

describe('engine building blocks', () => {
  it('parses ADF timespans d.hh:mm:ss and formats them back', () => {
    assert.equal(parseTimespan('0.00:10:00'), 600_000);
    assert.equal(parseTimespan('7.00:00:00'), 7 * 86_400_000);
    assert.equal(parseTimespan('00:02:00'), 120_000);
    assert.equal(parseTimespan('1.02:03:04.5'), ((26 * 60 + 3) * 60 + 4) * 1000 + 500);
    assert.equal(parseTimespan('10 minutes'), undefined);
    assert.equal(parseTimespan('00:61:00'), undefined);
    assert.equal(formatTimespan(600_000), '0.00:10:00');
    assert.equal(formatTimespan(90_061_000), '1.01:01:01');
  });

  it('redacts known secrets anywhere in nested values, ignoring very short ones', () => {
    const redactor = new SecretRedactor();
    redactor.add('s3cret-value');
    redactor.add('abc');
    assert.deepEqual(redactor.redact({ a: ['x s3cret-value y'], b: { c: 's3cret-value' }, n: 1, short: 'abc' }), {
      a: [`x ${REDACTED} y`],
      b: { c: REDACTED },
      n: 1,
      short: 'abc',
    });
  });

  it('redacts a secret in its URL, base64 (at any alignment), JSON- and HTML-escaped forms', () => {
    const redactor = new SecretRedactor();
    redactor.add(CANARY_SECRET);
    const s = CANARY_SECRET;
    const shown = [
      `a ${s} b`,
      encodeURIComponent(s),
      encodeURIComponent(s).replace(/%20/g, '+'),
      encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      Buffer.from(s).toString('base64'),
      Buffer.from(s).toString('base64url'),
      Buffer.from(`x${s}`).toString('base64'),
      Buffer.from(`xy${s}!`).toString('base64url'),
      JSON.stringify({ token: s }),
      JSON.stringify(JSON.stringify({ token: `"${s}"` })),
      s.replace(/&/g, '&amp;'),
    ];
    for (const text of shown) assert.notDeepEqual(revealedCanaryForms(text), [], `the detector sees ${text}`);
    for (const text of shown)
      assert.deepEqual(revealedCanaryForms(redactor.redact(text)), [], `masked: ${redactor.redact(text)}`);
    assert.equal(redactor.redact('ordinary text, no secret'), 'ordinary text, no secret');
  });

  it("masks a parent run's secrets in a child redactor too", () => {
    const parent = new SecretRedactor();
    parent.add('parent-secret-1');
    const child = new SecretRedactor(parent);
    child.add('child-secret-2');
    assert.equal(child.redactText('parent-secret-1 child-secret-2'), `${REDACTED} ${REDACTED}`);
    assert.equal(parent.redactText('child-secret-2'), 'child-secret-2');
  });

  it('reads pipelines as git-integration files, bare properties, and refuses ARM templates', () => {
    assert.equal(pipelineFromJson({ name: 'P', properties: { activities: [] } }, 'file').name, 'P');
    assert.equal(pipelineFromJson({ activities: [] }, 'from-file-name').name, 'from-file-name');
    assert.throws(() => pipelineFromJson({ resources: [] }, 'x', 'arm.json'), /arm\.json is an ARM template/);
    assert.throws(() => pipelineFromJson([], 'x', 'list.json'), /list\.json is not a JSON object/);
    assert.throws(() => pipelineFromJson({ name: 'P' }, 'x', 'p.json'), /p\.json is not an ADF pipeline/);
  });

  it('finds Execute Pipeline children by name in the folder, and linked services next to it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'engine-workspace-'));
    try {
      mkdirSync(join(root, 'pipeline'));
      mkdirSync(join(root, 'linkedService'));
      writeFileSync(
        join(root, 'pipeline', 'file-name-differs.json'),
        JSON.stringify({ name: 'Child', properties: { activities: [] } }),
      );
      writeFileSync(
        join(root, 'linkedService', 'Vault.json'),
        JSON.stringify({
          name: 'Vault',
          properties: { type: 'AzureKeyVault', typeProperties: { baseUrl: 'https://v.vault.azure.net/' } },
        }),
      );
      const pipelines = folderPipelineResolver(join(root, 'pipeline'));
      assert.equal((await pipelines.getPipeline('child'))?.name, 'Child');
      assert.equal(await pipelines.getPipeline('Nope'), undefined);
      const linkedServices = folderLinkedServiceLookup(join(root, 'pipeline'));
      assert.equal((await linkedServices('Vault'))?.type, 'AzureKeyVault');
      assert.equal(await linkedServices('Nope'), undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads run target settings flat or with the extension prefix, and explains what is wrong', () => {
    const prefixed = parseRunTargetSettings(
      {
        'adfBatchEndpoints.cloud': 'Custom',
        'adfBatchEndpoints.customCloud': { authorityHost: 'https://127.0.0.1:1234/' },
        'adfBatchEndpoints.servicePrincipal': { tenantId: 't', clientId: 'c' },
      },
      's.json',
    );
    assert.equal(authorityHostOf(prefixed), 'https://127.0.0.1:1234');
    assert.deepEqual(prefixed.servicePrincipal, { tenantId: 't', clientId: 'c' });
    assert.equal(
      authorityHostOf(parseRunTargetSettings({ cloud: 'AzureChinaCloud' }, 's.json')),
      'https://login.chinacloudapi.cn',
    );
    assert.equal(authorityHostOf(runTargetFromUrl('https://127.0.0.1:9999/some/path')), 'https://127.0.0.1:9999');
    assert.throws(
      () => parseRunTargetSettings({ cloud: 'Mars' }, 's.json'),
      /s\.json: cloud must be AzureCloud, AzureChinaCloud, AzureUSGovernment or Custom/,
    );
    assert.throws(
      () => parseRunTargetSettings({ cloud: 'Custom' }, 's.json'),
      /a Custom cloud needs customCloud\.authorityHost/,
    );
    // The same URL check as the extension's customCloud setting: tokens never go in clear text to another host.
    assert.throws(
      () =>
        parseRunTargetSettings({ cloud: 'Custom', customCloud: { authorityHost: 'http://login.example' } }, 's.json'),
      /s\.json: The custom cloud's "authorityHost" must be an https URL/,
    );
    assert.throws(
      () => parseRunTargetSettings({ servicePrincipal: { tenantId: 't' } }, 's.json'),
      /servicePrincipal needs tenantId and clientId/,
    );
  });

  describe('stand-in identity', () => {
    it('gets service principal tokens with client credentials from the authority (v1, resource=)', async () => {
      const http = new StubHttp(() => json(200, { access_token: 'tok', token_type: 'Bearer' }));
      const identity = createStandInIdentity({ http, authorityHost: 'https://login.example/' });
      const token = await identity.getToken({
        subject: { kind: 'servicePrincipal', tenantId: 'ten', clientId: 'cli', clientSecret: 'a+b&c' },
        resource: 'https://ml.azure.com',
      });
      assert.equal(token, 'tok');
      const request = http.requests[0];
      assert.equal(request.url, 'https://login.example/ten/oauth2/token');
      assert.deepEqual(Object.fromEntries(new URLSearchParams(request.body)), {
        grant_type: 'client_credentials',
        client_id: 'cli',
        client_secret: 'a+b&c',
        resource: 'https://ml.azure.com',
      });
    });

    it('reports Entra ID refusals with their description', async () => {
      const http = new StubHttp(() =>
        json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }),
      );
      const identity = createStandInIdentity({ http, authorityHost: 'https://login.example' });
      await assert.rejects(
        identity.getToken({
          subject: { kind: 'servicePrincipal', tenantId: 't', clientId: 'c', clientSecret: 'x' },
          resource: 'r',
        }),
        /refused client credentials for client 'c' in tenant 't': AADSTS7000215/,
      );
    });

    it('answers for managed identities with the stand-in, telling so once, and refuses without one', async () => {
      const notices: string[] = [];
      const asked: string[] = [];
      const identity = createStandInIdentity({
        http: new StubHttp(() => json(500, {})),
        authorityHost: 'https://login.example',
        standIn: async (resource) => {
          asked.push(resource);
          return 'stand-in-token';
        },
        standInName: 'service principal X',
        onNotice: (message) => notices.push(message),
      });
      assert.equal(
        await identity.getToken({ subject: { kind: 'systemAssigned' }, resource: 'https://ml.azure.com' }),
        'stand-in-token',
      );
      await identity.getToken({ subject: { kind: 'systemAssigned' }, resource: 'https://ml.azure.com' });
      await identity.getToken({
        subject: { kind: 'userAssigned', credentialName: 'cred' },
        resource: 'https://ml.azure.com',
      });
      assert.equal(notices.length, 2);
      assert.match(
        notices[0],
        /managed identity is not available outside Data Factory: service principal X is used instead/,
      );
      assert.match(notices[1], /credential 'cred'/);
      const none = createStandInIdentity({
        http: new StubHttp(() => json(500, {})),
        authorityHost: 'https://login.example',
      });
      await assert.rejects(
        none.getToken({ subject: { kind: 'systemAssigned' }, resource: 'r' }),
        /only available inside Azure Data Factory/,
      );
    });

    it('reads Key Vault secrets through the linked service baseUrl with a vault token', async () => {
      const http = new StubHttp((request) =>
        request.url.includes('/secrets/sp-secret')
          ? json(200, { value: 'the-secret', id: 'x' })
          : json(404, { error: { message: 'SecretNotFound' } }),
      );
      const audiences: string[] = [];
      const identity = createStandInIdentity({
        http,
        authorityHost: 'https://login.example',
        standIn: async (resource) => {
          audiences.push(resource);
          return 'vault-token';
        },
        linkedServices: async (name) =>
          name === 'Vault'
            ? { type: 'AzureKeyVault', typeProperties: { baseUrl: 'https://myvault.vault.azure.cn/' } }
            : undefined,
      });
      assert.equal(
        await identity.getKeyVaultSecret({ linkedServiceName: 'Vault', secretName: 'sp-secret' }),
        'the-secret',
      );
      assert.equal(http.requests[0].url, 'https://myvault.vault.azure.cn/secrets/sp-secret?api-version=7.4');
      assert.equal(http.requests[0].headers!.authorization, 'Bearer vault-token');
      assert.deepEqual(audiences, ['https://vault.azure.cn']);
      await assert.rejects(
        identity.getKeyVaultSecret({ linkedServiceName: 'Vault', secretName: 'other' }),
        /Key Vault answered 404: SecretNotFound/,
      );
      await assert.rejects(
        identity.getKeyVaultSecret({ linkedServiceName: 'Missing', secretName: 'x' }),
        /linked service 'Missing' was not found/,
      );
      assert.equal(keyVaultAudience('https://v.vault.azure.net/'), 'https://vault.azure.net');
      assert.equal(keyVaultAudience('https://v.vault.usgovcloudapi.net/'), 'https://vault.usgovcloudapi.net');
    });
  });

  describe('Node HTTP client', () => {
    let server: Server;
    let base: string;
    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/big') {
          res.end('x'.repeat(2048));
        } else if (req.url === '/hang') {
          // never answers
        } else {
          let body = '';
          req.on('data', (chunk: Buffer) => (body += chunk.toString()));
          req.on('end', () => {
            res.setHeader('x-echo', 'yes');
            res.setHeader('set-cookie', ['a=1', 'b=2']);
            res.end(JSON.stringify({ method: req.method, body, contentLength: req.headers['content-length'] }));
          });
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends the body and returns status, lower-case headers (repeated ones joined) and text', async () => {
      const response = await createNodeHttpClient().send({ method: 'POST', url: `${base}/echo`, body: 'héllo' });
      assert.equal(response.status, 200);
      assert.equal(response.headers['x-echo'], 'yes');
      assert.equal(response.headers['set-cookie'], 'a=1, b=2');
      assert.deepEqual(JSON.parse(response.body), { method: 'POST', body: 'héllo', contentLength: '6' });
    });

    it('fails responses over the size limit, requests over their timeout, and aborted requests', async () => {
      await assert.rejects(
        createNodeHttpClient({ maxResponseBytes: 1024 }).send({ method: 'GET', url: `${base}/big` }),
        /larger than 1024 bytes/,
      );
      await assert.rejects(
        createNodeHttpClient().send({ method: 'GET', url: `${base}/hang`, timeoutMs: 50 }),
        /timed out after 50 ms/,
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      await assert.rejects(
        createNodeHttpClient().send({ method: 'GET', url: `${base}/hang`, signal: controller.signal }),
        (error: Error) => error.name === 'AbortError',
      );
      await assert.rejects(
        createNodeHttpClient().send({ method: 'GET', url: 'ftp://example/' }),
        /Unsupported URL scheme 'ftp:'/,
      );
      await assert.rejects(createNodeHttpClient().send({ method: 'GET', url: 'not a url' }), /Invalid URL 'not a url'/);
    });
  });
});
