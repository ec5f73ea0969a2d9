import * as assert from 'node:assert/strict';
import { activity, applyFix, codesOf, covered, dependsOn, only, pipeline, problemsOf, text } from './helpers';

const web = (
  name: string,
  typeProperties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): ReturnType<typeof activity> =>
  ({ name, type: 'WebActivity', dependsOn: [], userProperties: [], typeProperties, ...extra }) as ReturnType<
    typeof activity
  >;

describe('validator: Web activity (ADF601-ADF606)', () => {
  it('ADF601 / ADF602: url and method are required', () => {
    const problems = problemsOf(pipeline([web('Call', {})]));
    assert.equal(only(problems, 'ADF601').severity, 'error');
    assert.equal(only(problems, 'ADF602').severity, 'error');
    assert.ok(!problems.some((p) => p.code === 'ADF101'), 'reported once, by the Web rule');
  });

  it('ADF601: a Fabric Web activity calls through a connection with a relative URL', () => {
    const fabric = web(
      'Call',
      { method: 'GET', relativeUrl: '/x' },
      { externalReferences: { connection: '51e69b40-2ea1-4b5c-8b47-2eac01256d28' } },
    );
    assert.deepEqual(codesOf({ properties: { activities: [fabric] } }), []);
  });

  it('ADF603: POST and PUT need a body; GET does not', () => {
    assert.equal(
      only(problemsOf(pipeline([web('Call', { method: 'POST', url: 'https://x' })])), 'ADF603').severity,
      'error',
    );
    assert.deepEqual(
      codesOf(
        pipeline([
          web('Call', { method: 'put', url: 'https://x', body: '{}' }),
          web('Get', { method: 'GET', url: 'https://x' }),
        ]),
      ),
      [],
    );
  });

  it('ADF604: managed identity authentication needs a resource', () => {
    const problem = only(
      problemsOf(pipeline([web('Call', { method: 'GET', url: 'https://x', authentication: { type: 'MSI' } })])),
      'ADF604',
    );
    assert.equal(problem.severity, 'error');
    assert.deepEqual(
      codesOf(
        pipeline([
          web('Call', {
            method: 'GET',
            url: 'https://x',
            authentication: { type: 'MSI', resource: 'https://storage.azure.com/' },
          }),
        ]),
      ),
      [],
    );
  });

  it('ADF605: a literal secret in a header or a form body is a warning; expressions and placeholders are not', () => {
    const source = text(
      pipeline([
        web('Header', { method: 'GET', url: 'https://x', headers: { 'x-functions-key': 'abc123' } }),
        web('Form', {
          method: 'POST',
          url: 'https://x',
          body: 'grant_type=client_credentials&client_id=1&client_secret=s3cr3t',
        }),
      ]),
    );
    const problems = problemsOf(source).filter((p) => p.code === 'ADF605');
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => p.severity === 'warning'));
    const fine = pipeline(
      [
        web('Header', {
          method: 'GET',
          url: 'https://x',
          headers: { Authorization: { value: "@concat('Bearer ', pipeline().parameters.t)", type: 'Expression' } },
        }),
        // A token request (client_secret in the body) must also hide its output.
        web(
          'Form',
          { method: 'POST', url: 'https://x', body: 'client_secret=<service principal key>' },
          { policy: { secureOutput: true } },
        ),
      ],
      { parameters: { t: { type: 'String' } } },
    );
    assert.deepEqual(codesOf(fine), []);
  });

  it('ADF606: a token request without secureOutput and a consumer without secureInput, each with a fix', () => {
    const source = text(
      pipeline(
        [
          web('Authorize', {
            method: 'POST',
            url: {
              value: "@concat('https://login.microsoftonline.com/', pipeline().parameters.tenant, '/oauth2/token')",
              type: 'Expression',
            },
            body: {
              value: "@concat('grant_type=client_credentials&client_secret=', pipeline().parameters.secret)",
              type: 'Expression',
            },
          }),
          web(
            'Call',
            {
              method: 'GET',
              url: 'https://x',
              headers: {
                Authorization: {
                  value: "@concat('Bearer ', activity('Authorize').output.access_token)",
                  type: 'Expression',
                },
              },
            },
            { dependsOn: dependsOn('Authorize'), policy: { secureOutput: false } },
          ),
        ],
        { parameters: { tenant: { type: 'String' }, secret: { type: 'SecureString' } } },
      ),
    );
    const problems = problemsOf(source).filter((p) => p.code === 'ADF606');
    assert.equal(problems.length, 2);
    const authorize = problems.find((p) => covered(source, p) === '"Authorize"')!;
    assert.match(authorize.message, /secureInput and policy\.secureOutput/);
    let fixed = applyFix(source, authorize.fix);
    fixed = applyFix(fixed, problemsOf(fixed).find((p) => p.code === 'ADF606')!.fix);
    assert.deepEqual(codesOf(fixed), []);
    const policies = JSON.parse(fixed).properties.activities.map((a: { policy?: unknown }) => a.policy);
    assert.deepEqual(policies, [
      { secureInput: true, secureOutput: true },
      { secureOutput: false, secureInput: true },
    ]);
  });

  it('ADF606: a Key Vault secret read must hide its output; plain calls are left alone', () => {
    const kv = web('Get secret', {
      method: 'GET',
      url: 'https://myvault.vault.azure.net/secrets/x?api-version=7.0',
      authentication: { type: 'MSI', resource: 'https://vault.azure.net' },
    });
    assert.equal(only(problemsOf(pipeline([kv])), 'ADF606').severity, 'warning');
    assert.deepEqual(codesOf(pipeline([web('Get', { method: 'GET', url: 'https://example.com/' })])), []);
  });
});
