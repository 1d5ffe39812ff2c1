import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FakeEtsyApi } from '../../peers/etsy/api';
import type { FakeResponse } from '../../peers/etsy/wire';

/** The fake Etsy must hold the extension to Etsy's rules, or the other tests prove little. */
const REDIRECT = 'https://blgfogbpcdmhohalginmiifilfkhopig.chromiumapp.org/';
const VERIFIER = 'vvkdljkejllufrvbhgeiegrnvufrhvrffnkvcknjvfid';
const CHALLENGE = 'DSWlW2Abh-cf8CeLL8-g3hQ2WQyYdKyiu83u_s7nRhI';

function connectUrl(api: FakeEtsyApi, overrides: Record<string, string | null> = {}): URL {
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: api.app.keystring,
    redirect_uri: REDIRECT,
    scope: 'listings_r listings_w shops_r',
    state: 'state123',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const url = new URL('https://www.etsy.com/oauth/connect');
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(name, value);
  return url;
}

function redirectParams(page: FakeResponse): URLSearchParams {
  expect(page.status).toBe(302);
  return new URL(page.headers.location!).searchParams;
}

function post(
  api: FakeEtsyApi,
  path: string,
  form: Record<string, string>,
  type = 'application/x-www-form-urlencoded',
) {
  const response = api.respond({
    method: 'POST',
    host: 'api.etsy.com',
    url: new URL(`https://api.etsy.com${path}`),
    headers: { 'content-type': type },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

function exchange(api: FakeEtsyApi, code: string, verifier = VERIFIER) {
  return post(api, '/v3/public/oauth/token', {
    grant_type: 'authorization_code',
    client_id: api.app.keystring,
    redirect_uri: REDIRECT,
    code,
    code_verifier: verifier,
  });
}

function patch(api: FakeEtsyApi, token: string, body: string) {
  const response = api.respond({
    method: 'PATCH',
    host: 'api.etsy.com',
    url: new URL('https://api.etsy.com/v3/application/shops/987654/listings/1234567890'),
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-api-key': `${api.app.keystring}:${api.app.sharedSecret}`,
      authorization: `Bearer ${token}`,
    },
    body,
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

describe('fake Etsy: /oauth/connect', () => {
  it('redirects with code and state, or with the OAuth error form', () => {
    const api = new FakeEtsyApi();
    const ok = redirectParams(api.auth.connectPage(connectUrl(api)));
    expect(ok.get('state')).toBe('state123');
    expect(ok.get('code')).toBeTruthy();

    api.auth.consent = 'deny';
    expect(redirectParams(api.auth.connectPage(connectUrl(api))).get('error')).toBe(
      'access_denied',
    );
    api.auth.consent = 'approve';
    const missingOrWrong: Record<string, string | null>[] = [
      { code_challenge_method: 'plain' },
      { code_challenge: null },
      { state: null },
      { response_type: 'token' },
    ];
    for (const bad of missingOrWrong) {
      expect(redirectParams(api.auth.connectPage(connectUrl(api, bad))).get('error')).toBe(
        'invalid_request',
      );
    }
    expect(
      redirectParams(api.auth.connectPage(connectUrl(api, { scope: 'listings_r nope' }))).get(
        'error',
      ),
    ).toBe('invalid_scope');
  });

  it('refuses an unregistered redirect URI with a page, not a redirect', () => {
    const api = new FakeEtsyApi();
    const page = api.auth.connectPage(connectUrl(api, { redirect_uri: 'https://evil.example/' }));
    expect(page.status).toBe(400);
    expect(page.body).toContain('The requested redirect URL is not permitted.');
  });
});

describe('fake Etsy: token endpoint', () => {
  it('checks PKCE with Etsy’s test vector and accepts each code once', () => {
    const api = new FakeEtsyApi();
    expect(createHash('sha256').update(VERIFIER).digest('base64url')).toBe(CHALLENGE);
    const code = redirectParams(api.auth.connectPage(connectUrl(api))).get('code')!;
    const first = exchange(api, code);
    expect(first).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 } });
    expect(first.body.access_token).toMatch(/^12345678\./);
    expect(exchange(api, code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('rejects a wrong or missing verifier and a JSON body', () => {
    const api = new FakeEtsyApi();
    const code = () => redirectParams(api.auth.connectPage(connectUrl(api))).get('code')!;
    expect(exchange(api, code(), 'x'.repeat(43))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(exchange(api, code(), '')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code_verifier is required' },
    });
    expect(
      post(api, '/v3/public/oauth/token', { grant_type: 'refresh_token' }, 'application/json')
        .status,
    ).toBe(400);
  });

  it('rotates refresh tokens and revokes the old one', () => {
    const api = new FakeEtsyApi();
    const { refresh_token } = api.auth.issueTokens(12345678, ['shops_r']);
    const refresh = (token: string) =>
      post(api, '/v3/public/oauth/token', {
        grant_type: 'refresh_token',
        client_id: api.app.keystring,
        refresh_token: token,
      });
    const renewed = refresh(refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).not.toBe(refresh_token);
    expect(refresh(refresh_token)).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'refresh_token is revoked' },
    });
    expect(api.tokenRequests).toBe(2);
  });
});

describe('fake Etsy: updateListing', () => {
  const scopes = ['listings_r', 'listings_w', 'shops_r'];

  it('splits comma lists, keeps the last of repeated keys and answers the full listing', () => {
    const api = new FakeEtsyApi();
    const { access_token } = api.auth.issueTokens(12345678, scopes);
    const result = patch(api, access_token, 'tags=one&tags=two%2C+three&title=New+title');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      tags: ['two', 'three'],
      title: 'New title',
      listing_id: 1234567890,
    });
  });

  it.each([
    [
      'title=' + 'a'.repeat(141),
      'There was a problem with /title/1 : cannot be more than 140 characters.',
    ],
    ['title=50%25+off+100%25+cotton', 'There was a problem with /title/0 : % can only be use once'],
    ['tags=mug%2CMug', 'There was a problem with /tags : You may not have duplicate tags.'],
    ['tags=a%26b', 'There was a problem with /tags/0 : contains invalid character'],
    [
      'tags=' + 'x'.repeat(21),
      'There was a problem with /tags/0 : cannot be more than 20 characters.',
    ],
    [
      'tags=' + Array.from({ length: 14 }, (_, i) => `t${i}`).join('%2C'),
      'There was a problem with /tags : cannot have more than 13 tags.',
    ],
    [
      'materials=100%25+cotton',
      'There was a problem with /materials/0 : contains invalid character',
    ],
    [
      'price=10',
      'There was a problem with /price : price can only be changed with updateListingInventory',
    ],
    [
      'when_made=made_to_order',
      "There was a problem with /who_made : Cannot update 'when_made' without 'who_made' and  without 'is_supply' and vice versa",
    ],
  ])('refuses %s', (body, error) => {
    const api = new FakeEtsyApi();
    const { access_token } = api.auth.issueTokens(12345678, scopes);
    expect(patch(api, access_token, body)).toEqual({ status: 400, body: { error } });
  });

  it('needs listings_w, a live token and form encoding', () => {
    const api = new FakeEtsyApi();
    const readOnly = api.auth.issueTokens(12345678, ['listings_r']).access_token;
    expect(patch(api, readOnly, 'title=x').body).toMatchObject({ error: 'insufficient_scope' });
    const writer = api.auth.issueTokens(12345678, scopes).access_token;
    api.expireAccessTokens();
    expect(patch(api, writer, 'title=x')).toEqual({
      status: 401,
      body: { error: 'invalid_token', error_description: 'access token is expired' },
    });
  });
});
