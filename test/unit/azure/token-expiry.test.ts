import * as assert from 'node:assert/strict';
import { tokenExpiresOn } from '../../../src/core/azure/token-expiry';

const jwt = (claims: object): string =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('azure/token-expiry', () => {
  it("reads the expiry from the token's exp claim (seconds) as milliseconds", () => {
    assert.equal(tokenExpiresOn(jwt({ exp: 1_900_000_000, tid: 't' })), 1_900_000_000_000);
  });

  it('gives undefined for opaque tokens, broken payloads and a missing or non-numeric exp', () => {
    assert.equal(tokenExpiresOn('opaque-token'), undefined);
    assert.equal(tokenExpiresOn('a.!!!not-base64-json.c'), undefined);
    assert.equal(tokenExpiresOn(jwt({ tid: 't' })), undefined);
    assert.equal(tokenExpiresOn(jwt({ exp: '1900000000' })), undefined);
  });
});
