import type { UserError } from '@/lib/messaging/errors';

export type EtsyErrorKind =
  /** Etsy refused the keystring / shared secret (403 with one of its x-api-key bodies). */
  | 'bad_app_credentials'
  /** No tokens stored: the seller never connected, or disconnected. */
  | 'not_connected'
  /** The refresh token is dead: only a new OAuth consent helps. */
  | 'reconnect_needed'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'unexpected_response'
  | 'auth_window_closed'
  | 'consent_denied'
  | 'state_mismatch'
  | 'oauth'
  /** The listing keeps a rich-text description that a plain one would overwrite. */
  | 'rich_description';

/** A failed Etsy call, with a message written for the seller. */
export class EtsyError extends Error {
  constructor(
    readonly kind: EtsyErrorKind,
    message: string,
    readonly status?: number,
    /** What the seller can do about it. */
    readonly action?: string,
  ) {
    super(message);
    this.name = 'EtsyError';
  }
}

const APP_CREDENTIAL_ERRORS = [
  'Shared secret is required in x-api-key header.',
  "Invalid API key: should be in the format 'keystring:shared_secret'.",
  'API key not found or not active, or incorrect shared secret for API key.',
];

const CHECK_APP_ACTION = 'Check the keystring and shared secret under “Etsy app” in Settings.';
const RECONNECT_ACTION = 'Open the extension’s popup and click Reconnect.';

/** Etsy's two error shapes: `{"error": …}` and `[{path, type, message}]`. */
function readEtsyErrorBody(text: string): { error?: string; description?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (Array.isArray(body)) {
    const parts = body
      .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
      .map((item) => {
        const field = typeof item.path === 'string' ? item.path.replace(/^\//, '') : '';
        const message = typeof item.message === 'string' ? item.message : String(item.type ?? '');
        return field ? `${field}: ${message}` : message;
      });
    return { error: parts.join('; ') };
  }
  if (typeof body === 'object' && body !== null) {
    const { error, error_description: description } = body as Record<string, unknown>;
    return {
      error: typeof error === 'string' ? error : undefined,
      description: typeof description === 'string' ? description : undefined,
    };
  }
  return {};
}

/** Turns an unsuccessful Etsy response into an error the seller can act on. */
export function etsyErrorFromResponse(status: number, text: string): EtsyError {
  const { error, description } = readEtsyErrorBody(text);
  if (error && APP_CREDENTIAL_ERRORS.includes(error)) {
    return new EtsyError('bad_app_credentials', `Etsy says: ${error}`, status, CHECK_APP_ACTION);
  }
  if (error === 'invalid_grant') {
    return new EtsyError(
      'reconnect_needed',
      'Etsy no longer accepts this extension’s access to your shop. Reconnect to continue.',
      status,
      RECONNECT_ACTION,
    );
  }
  if (error === 'invalid_token') {
    return new EtsyError(
      'invalid_token',
      `Etsy refused the sign-in (${description ?? error}).`,
      status,
    );
  }
  if (error === 'insufficient_scope') {
    return new EtsyError(
      'insufficient_scope',
      'This connection lacks a permission it needs. Reconnect and allow all requested access.',
      status,
      RECONNECT_ACTION,
    );
  }
  if (status === 429) {
    return new EtsyError(
      'rate_limited',
      'Etsy is limiting requests right now. Try again in a minute.',
      status,
    );
  }
  if (status >= 500) {
    return new EtsyError(
      'server',
      `Etsy had a problem (${status}). Try again in a moment.`,
      status,
    );
  }
  const said = error ? `Etsy says: ${error}${description ? ` — ${description}` : ''}` : null;
  if (status === 403 || status === 401) {
    return new EtsyError('forbidden', said ?? 'Etsy refused the request.', status);
  }
  if (status === 404)
    return new EtsyError('not_found', said ?? 'Etsy could not find that.', status);
  return new EtsyError('validation', said ?? `Etsy refused the request (${status}).`, status);
}

export function userErrorFromEtsy(error: unknown): UserError {
  if (error instanceof EtsyError) {
    return {
      source: 'etsy',
      code: error.kind,
      message: error.message,
      ...(error.action ? { action: error.action } : {}),
    };
  }
  return {
    source: 'extension',
    code: 'unexpected',
    message: error instanceof Error ? error.message : String(error),
  };
}
