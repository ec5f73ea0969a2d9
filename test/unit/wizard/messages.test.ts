import * as assert from 'node:assert/strict';
import type { RequestMethod, RequestParams } from '../../../src/wizard/protocol';
import {
  REQUEST_METHODS,
  isExtensionMessage,
  messageIdOf,
  validateWebviewMessage,
} from '../../../src/wizard/protocol-checks';

/** One valid example of every request the webview may send. */
const VALID: { [M in RequestMethod]: RequestParams[M] } = {
  ready: {},
  updateForm: {
    patch: {
      pipelineName: 'Run-Score',
      pollIntervalSeconds: 30,
      exportFormats: ['git', 'zip'],
      authKind: 'sp-keyvault',
      inputType: 'UriFile',
    },
  },
  goTo: { step: 'review' },
  next: {},
  back: {},
  reload: { what: 'factories' },
  grantRole: {},
  createKeyVaultLinkedService: {},
  enableIdentity: {},
  chooseFolder: { purpose: 'repository' },
  publish: {},
  confirmGitMode: { choice: 'saveToRepository' },
  resolveConflict: { choice: 'overwrite' },
  openDiff: {},
  openLink: { link: 'job' },
  runNow: { values: { poll_interval: '30', endpoint_input_uri: 'azureml://datastores/x/paths/y/' } },
  cancelRun: {},
  cancelOperation: {},
  retry: {},
  dismissError: {},
  signIn: {},
  cspViolation: { directive: 'style-src-elem', blockedUri: 'inline' },
};

const request = (method: string, params: unknown, extra: Record<string, unknown> = {}): unknown => ({
  type: 'request',
  id: 7,
  method,
  params,
  ...extra,
});

function rejects(message: unknown, pattern: RegExp): void {
  const result = validateWebviewMessage(message);
  assert.equal(result.ok, false, `accepted ${JSON.stringify(message)}`);
  if (!result.ok) assert.match(result.error, pattern);
}

describe('wizard messages: validation of webview -> extension messages', () => {
  it('has a valid example for every method and accepts each', () => {
    assert.deepEqual([...REQUEST_METHODS].sort(), Object.keys(VALID).sort());
    for (const method of REQUEST_METHODS) {
      const result = validateWebviewMessage(request(method, VALID[method]));
      assert.equal(result.ok, true, `${method}: ${result.ok ? '' : result.error}`);
      if (result.ok) {
        assert.equal(result.value.method, method);
        assert.deepEqual(result.value.params, VALID[method]);
      }
    }
  });

  it('accepts a missing params object for requests without parameters', () => {
    assert.equal(validateWebviewMessage({ type: 'request', id: 1, method: 'next' }).ok, true);
  });

  it('rejects anything that is not a well-formed request', () => {
    rejects(null, /must be an object/);
    rejects('ready', /must be an object/);
    rejects([], /must be an object/);
    rejects({ type: 'state', id: 1, method: 'ready' }, /type must be "request"/);
    rejects({ type: 'request', id: -1, method: 'ready' }, /id must be a whole number/);
    rejects({ type: 'request', id: 1.5, method: 'ready' }, /id must be a whole number/);
    rejects(request('deleteFactory', {}), /method must be one of/);
    rejects(request('ready', {}, { extra: true }), /unknown field extra/);
    rejects(request('next', { step: 'run' }), /params must be empty/);
  });

  it('checks every parameter: enums, required fields, no extra fields', () => {
    rejects(request('goTo', { step: 'everything' }), /step must be one of endpoint, target/);
    rejects(request('goTo', {}), /step is missing/);
    rejects(request('goTo', { step: 'run', also: 1 }), /unknown field also/);
    rejects(request('openLink', { link: 'javascript:alert(1)' }), /link must be one of/);
    rejects(request('reload', { what: 'subscriptions' }), /what must be one of/);
    rejects(request('resolveConflict', { choice: 'overwriteSilently' }), /choice must be one of/);
  });

  it('checks form patches field by field', () => {
    rejects(request('updateForm', { patch: { pipelineName: 42 } }), /patch\.pipelineName must be a string/);
    rejects(
      request('updateForm', { patch: { pollIntervalSeconds: 1.5 } }),
      /pollIntervalSeconds must be a whole number from 1 to 86400/,
    );
    rejects(request('updateForm', { patch: { pollIntervalSeconds: 0 } }), /pollIntervalSeconds/);
    rejects(
      request('updateForm', { patch: { authKind: 'password' } }),
      /authKind must be one of mi, uami, sp-keyvault, sp-secret/,
    );
    rejects(request('updateForm', { patch: { exportFormats: ['git', 'exe'] } }), /exportFormats\[1\] must be one of/);
    rejects(request('updateForm', { patch: { clientSecret: 'x' } }), /unknown field clientSecret/);
    rejects(request('updateForm', { patch: { toString: 'x' } }), /unknown field toString/);
    rejects(request('updateForm', { patch: { description: 'x'.repeat(5000) } }), /longer than 4096/);
    rejects(
      request('updateForm', { patch: JSON.parse('{"__proto__": {"polluted": true}}') }),
      /unknown field __proto__|must be a plain object/,
    );
    rejects(request('updateForm', { patch: new Date() }), /plain object/);
  });

  it('checks run parameter values', () => {
    rejects(request('runNow', { values: { poll_interval: 30 } }), /values\.poll_interval must be a string/);
    rejects(
      request('runNow', { values: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, 'v'])) }),
      /more than 50 entries/,
    );
    rejects(request('runNow', { values: JSON.parse('{"__proto__": "x"}') }), /invalid key/);
  });

  it('finds the id of a rejected message for the error reply, and recognises extension messages', () => {
    assert.equal(messageIdOf({ id: 3, method: 'nope' }), 3);
    assert.equal(messageIdOf({ id: '3' }), undefined);
    assert.equal(messageIdOf(null), undefined);
    assert.equal(isExtensionMessage({ type: 'reply', id: 1, ok: true }), true);
    assert.equal(isExtensionMessage({ type: 'state', state: {} }), true);
    assert.equal(isExtensionMessage({ type: 'state' }), false);
    assert.equal(isExtensionMessage({ type: 'other' }), false);
  });
});
