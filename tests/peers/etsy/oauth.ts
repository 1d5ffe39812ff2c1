import { createHash, randomBytes } from 'node:crypto';
import { html, json, redirect, type FakeRequest, type FakeResponse } from './wire';

/** What the seller does in Etsy's consent window. */
export type Consent = 'approve' | 'deny' | 'close';

const KNOWN_SCOPES = new Set([
  'address_r',
  'address_w',
  'email_r',
  'listings_d',
  'listings_r',
  'listings_w',
  'profile_r',
  'profile_w',
  'shops_r',
  'shops_w',
  'transactions_r',
  'transactions_w',
]);

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  userId: number;
  used: boolean;
}

export interface AccessGrant {
  userId: number;
  scopes: string[];
  expiresAt: number;
}

function opaque(userId: number): string {
  return `${userId}.${randomBytes(24).toString('base64url')}`;
}

/**
 * Etsy's OAuth 2.0 + PKCE as docs/etsy-api.md §2 describes it: www.etsy.com/oauth/connect
 * and POST /v3/public/oauth/token, with single-use codes, S256 checks and refresh-token
 * rotation that revokes the old refresh token.
 */
export class FakeEtsyAuth {
  consent: Consent = 'approve';
  /** The seller who is signed in to www.etsy.com when the consent page opens. */
  signedInUserId: number;
  /** Callback URLs registered with the app; the extension's pinned id by default. */
  redirectUris = ['https://blgfogbpcdmhohalginmiifilfkhopig.chromiumapp.org/'];
  tokenRequests = 0;
  readonly accessTokens = new Map<string, AccessGrant>();
  private readonly refreshTokens = new Map<
    string,
    { userId: number; scopes: string[]; revoked: boolean }
  >();
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly clientId: () => string,
    signedInUserId: number,
    private readonly now: () => number = Date.now,
  ) {
    this.signedInUserId = signedInUserId;
  }

  /** Tokens as if the seller had connected earlier — for tests that start connected. */
  issueTokens(userId: number, scopes: string[]): { access_token: string; refresh_token: string } {
    return this.grant(userId, scopes);
  }

  expireAccessTokens(): void {
    for (const grant of this.accessTokens.values()) grant.expiresAt = this.now() - 1;
  }

  /** As after a password change: every refresh token dies. */
  revokeRefreshTokens(): void {
    for (const token of this.refreshTokens.values()) token.revoked = true;
  }

  /** The grant behind `Authorization: Bearer …`, or Etsy's error description. */
  bearer(header: string | undefined): AccessGrant | string {
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
    const grant = token ? this.accessTokens.get(token) : undefined;
    if (!grant) return 'access token is invalid';
    if (grant.expiresAt <= this.now()) return 'access token is expired';
    return grant;
  }

  connectPage(url: URL): FakeResponse {
    const param = (name: string) => url.searchParams.get(name) ?? '';
    const redirectUri = param('redirect_uri');
    if (param('client_id') !== this.clientId()) {
      return html(400, '<!doctype html><title>Etsy</title><h1>Invalid client_id</h1>');
    }
    if (!redirectUri.startsWith('https://') || !this.redirectUris.includes(redirectUri)) {
      return html(
        400,
        '<!doctype html><title>Etsy</title><p>The requested redirect URL is not permitted.</p>',
      );
    }
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
      return redirect(target.toString());
    };
    const state = param('state');
    const scopes = param('scope').split(' ').filter(Boolean);
    const invalid = (description: string) =>
      back({ state, error: 'invalid_request', error_description: description });
    if (param('response_type') !== 'code') return invalid('response_type must be code');
    if (!state) return invalid('state is required');
    if (!param('code_challenge')) return invalid('code_challenge is required');
    if (param('code_challenge_method') !== 'S256')
      return invalid('code_challenge_method must be S256');
    if (scopes.length === 0 || scopes.some((scope) => !KNOWN_SCOPES.has(scope))) {
      return back({ state, error: 'invalid_scope', error_description: 'Invalid scope' });
    }
    if (this.consent === 'deny') {
      return back({
        state,
        error: 'access_denied',
        error_description: 'The user denied the request',
      });
    }
    if (this.consent === 'close') {
      // A consent page nobody answers: the test closes the window.
      return html(200, '<!doctype html><title>Etsy - Allow access?</title><h1>Allow access?</h1>');
    }
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, {
      clientId: param('client_id'),
      redirectUri,
      challenge: param('code_challenge'),
      scopes,
      userId: this.signedInUserId,
      used: false,
    });
    return back({ code, state });
  }

  tokenEndpoint(request: FakeRequest): FakeResponse {
    this.tokenRequests++;
    const invalid = (error: string, description: string) =>
      json(400, { error, error_description: description });
    if (request.method !== 'POST') return invalid('invalid_request', 'POST is required');
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return invalid('invalid_request', 'body must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(request.body);
    if (form.get('client_id') !== this.clientId())
      return invalid('invalid_client', 'client_id is invalid');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const verifier = form.get('code_verifier');
      if (!verifier) return invalid('invalid_request', 'code_verifier is required');
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.used) return invalid('invalid_grant', 'code is invalid or expired');
      code.used = true;
      if (form.get('redirect_uri') !== code.redirectUri) {
        return invalid('invalid_grant', 'redirect_uri does not match');
      }
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== code.challenge) return invalid('invalid_grant', 'code_verifier is invalid');
      return json(200, this.tokenResponse(code.userId, code.scopes));
    }
    if (grantType === 'refresh_token') {
      const old = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!old || old.revoked) return invalid('invalid_grant', 'refresh_token is revoked');
      old.revoked = true;
      return json(200, this.tokenResponse(old.userId, old.scopes));
    }
    return invalid('unsupported_grant_type', 'grant_type is not supported');
  }

  private tokenResponse(userId: number, scopes: string[]) {
    return { ...this.grant(userId, scopes), token_type: 'Bearer', expires_in: 3600 };
  }

  private grant(userId: number, scopes: string[]) {
    const access_token = opaque(userId);
    const refresh_token = opaque(userId);
    this.accessTokens.set(access_token, { userId, scopes, expiresAt: this.now() + 3600_000 });
    this.refreshTokens.set(refresh_token, { userId, scopes, revoked: false });
    return { access_token, refresh_token };
  }
}
