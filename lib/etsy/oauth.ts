import ky from 'ky';
import { etsyErrorFromResponse, EtsyError } from './errors';
import { TokenGrantSchema, type TokenGrant } from './schemas';

/** What this extension asks the seller to allow: read listings, edit them, read the shop. */
export const ETSY_SCOPES = ['listings_r', 'listings_w', 'shops_r'] as const;
const AUTHORIZE_URL = 'https://www.etsy.com/oauth/connect';
/** @internal exported for its unit test */
export const TOKEN_URL = 'https://api.etsy.com/v3/public/oauth/token';

export interface EtsyApp {
  keystring: string;
  sharedSecret: string;
}

export function apiKeyHeader(app: EtsyApp): string {
  return `${app.keystring}:${app.sharedSecret}`;
}

export function buildAuthorizeUrl(params: {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(AUTHORIZE_URL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    scope: ETSY_SCOPES.join(' '),
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The authorization code from Etsy's redirect, once the redirect is proven to answer our request. */
export function readAuthorizationRedirect(redirectUrl: string, expectedState: string): string {
  const params = new URL(redirectUrl).searchParams;
  if (params.get('state') !== expectedState) {
    throw new EtsyError(
      'state_mismatch',
      'The answer from Etsy did not match this connection attempt, so it was ignored. Click Connect to try again.',
    );
  }
  const error = params.get('error');
  if (error === 'access_denied') {
    throw new EtsyError(
      'consent_denied',
      'You declined access on Etsy. The extension needs it to read and update your listings; click Connect to try again.',
    );
  }
  if (error) {
    const description = params.get('error_description');
    throw new EtsyError('oauth', `Etsy could not connect: ${description ?? error}`);
  }
  const code = params.get('code');
  if (!code) throw new EtsyError('oauth', 'Etsy did not send an authorization code. Try again.');
  return code;
}

export interface TokenEndpoint {
  fetch: typeof fetch;
  app: EtsyApp;
}

/**
 * One POST to Etsy's token endpoint. Never retried: a code is single-use and a
 * refresh token is spent (rotated) by the first request that reaches Etsy.
 */
async function requestTokens(endpoint: TokenEndpoint, form: URLSearchParams): Promise<TokenGrant> {
  let response: Response;
  try {
    response = await ky.post(TOKEN_URL, {
      fetch: endpoint.fetch,
      body: form,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-api-key': apiKeyHeader(endpoint.app),
      },
      retry: 0,
      throwHttpErrors: false,
    });
  } catch {
    throw new EtsyError('network', 'Could not reach Etsy. Check your connection and try again.');
  }
  const text = await response.text();
  if (!response.ok) throw etsyErrorFromResponse(response.status, text);
  const grant = TokenGrantSchema.safeParse(JSON.parse(text));
  if (!grant.success) {
    throw new EtsyError(
      'unexpected_response',
      'Etsy sent an unexpected sign-in answer. Try again.',
    );
  }
  return grant.data;
}

export function exchangeAuthorizationCode(
  endpoint: TokenEndpoint,
  params: { code: string; codeVerifier: string; redirectUri: string },
): Promise<TokenGrant> {
  return requestTokens(
    endpoint,
    new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: endpoint.app.keystring,
      redirect_uri: params.redirectUri,
      code: params.code,
      code_verifier: params.codeVerifier,
    }),
  );
}

export function refreshAccessToken(
  endpoint: TokenEndpoint,
  refreshToken: string,
): Promise<TokenGrant> {
  return requestTokens(
    endpoint,
    new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: endpoint.app.keystring,
      refresh_token: refreshToken,
    }),
  );
}
