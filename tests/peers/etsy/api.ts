import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** The Etsy app a test registers; the fake accepts exactly these credentials. */
export interface FakeEtsyApp {
  keystring: string;
  sharedSecret: string;
}

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * api.etsy.com: Etsy's wire format, gates first — the x-api-key check with Etsy's three
 * 403 bodies, then the Bearer check where the operation needs OAuth.
 */
export class FakeEtsyApi {
  readonly requests: RecordedRequest[] = [];
  app: FakeEtsyApp = { keystring: 'testkeystring0000000000', sharedSecret: 'testsharedsecret' };
  /** access token → user id */
  readonly accessTokens = new Map<string, number>();
  users = new Map<number, { shopId: number }>([[12345678, { shopId: 987654 }]]);

  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
    this.requests.push({
      method: req.method ?? 'GET',
      host: req.headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
    if (!url.pathname.startsWith('/v3/application/')) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    const keyError = this.checkApiKey(req.headers['x-api-key']);
    if (keyError) {
      sendJson(res, 403, { error: keyError });
      return;
    }
    if (url.pathname === '/v3/application/openapi-ping') {
      sendJson(res, 200, { application_id: 1 });
      return;
    }
    const userId = this.checkBearer(req.headers.authorization);
    if (typeof userId === 'string') {
      sendJson(res, 401, { error: 'invalid_token', error_description: userId });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v3/application/users/me') {
      const user = this.users.get(userId);
      sendJson(res, 200, { user_id: userId, shop_id: user?.shopId ?? null });
      return;
    }
    sendJson(res, 404, { error: 'Resource not found' });
  }

  private checkApiKey(header: string | string[] | undefined): string | null {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value || !/^[^:]+:[^:]+$/.test(value)) {
      if (value && !value.includes(':')) return 'Shared secret is required in x-api-key header.';
      return "Invalid API key: should be in the format 'keystring:shared_secret'.";
    }
    const [keystring, secret] = value.split(':');
    if (keystring !== this.app.keystring || secret !== this.app.sharedSecret) {
      return 'API key not found or not active, or incorrect shared secret for API key.';
    }
    return null;
  }

  /** The user id behind a valid bearer token, or the error description Etsy gives. */
  private checkBearer(header: string | undefined): number | string {
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
    if (!token) return 'access token is invalid';
    const userId = this.accessTokens.get(token);
    return userId ?? 'access token is invalid';
  }
}
