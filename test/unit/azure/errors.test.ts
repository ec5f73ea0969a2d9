import * as assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { describeAzureError, formatAzureError } from '../../../src/core/azure/errors';

function restError(status: number, body: unknown): RestError {
  const text = JSON.stringify(body);
  return new RestError('raw message', {
    statusCode: status,
    code: 'RawCode',
    response: { status, bodyAsText: text, headers: {} as never, request: {} as never },
  });
}

describe('azure/errors', () => {
  it('takes the code and message of an ARM error body', () => {
    const info = describeAzureError(
      restError(500, { error: { code: 'InternalServerError', message: 'Something  broke\nbadly' } }),
    );
    assert.equal(info.statusCode, 500);
    assert.equal(info.code, 'InternalServerError');
    assert.equal(info.message, 'Something broke badly');
    assert.match(formatAzureError(info), /^Internal server error \(500\): Something broke badly Azure had a problem/);
  });

  it('tells what to do on 401 and 403', () => {
    const unauthorized = describeAzureError(
      restError(401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }),
    );
    assert.match(unauthorized.hint ?? '', /sign in again/i);
    const forbidden = describeAzureError(
      restError(403, { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } }),
    );
    assert.match(forbidden.hint ?? '', /Reader role/);
    assert.match(formatAzureError(forbidden), /^Forbidden \(403\): The client does not have authorization\./);
  });

  it('falls back to the error message when the body is not JSON', () => {
    const info = describeAzureError(new RestError('socket hang up', { code: 'ECONNRESET' }));
    assert.equal(info.message, 'socket hang up');
    assert.match(info.hint ?? '', /could not be reached/);
  });

  it('recognises identity errors by name', () => {
    const cli = Object.assign(new Error('Azure CLI could not be found. Please visit https://aka.ms/azure-cli'), {
      name: 'CredentialUnavailableError',
    });
    assert.match(describeAzureError(cli).hint ?? '', /az login/);
    const sp = Object.assign(new Error('AADSTS7000215: Invalid client secret provided.'), {
      name: 'AuthenticationError',
    });
    assert.match(describeAzureError(sp).hint ?? '', /service principal/);
  });

  it('never throws on odd input', () => {
    assert.equal(describeAzureError('plain').message, 'plain');
    assert.equal(describeAzureError(undefined).message, 'undefined');
    assert.equal(describeAzureError({}).message, 'Unknown error');
  });
});
