import type { SecretValue } from '@/lib/secrets';
import type { Clock } from './clock';
import { EtsyError } from './errors';
import type { TokenGrant } from './schemas';

export type StoredTokens = SecretValue<'etsyTokens'>;

export interface TokenStore {
  read(): Promise<StoredTokens | null>;
  /** Replaces the whole record in one write, so access and refresh token never mismatch. */
  write(tokens: StoredTokens): Promise<void>;
  markReconnectNeeded(message: string): Promise<void>;
}

/** Where API calls get their bearer token. */
export interface AccessTokenSource {
  current(): Promise<string>;
  /** Etsy said 401 invalid_token for `rejected`: a token that should work now. */
  renewAfterRejection(rejected: string): Promise<string>;
}

/** Refresh this long before expiry, so a token never dies between check and use. */
const EARLY_REFRESH_MS = 2 * 60_000;

export function tokensFromGrant(
  grant: TokenGrant,
  now: number,
): Pick<StoredTokens, 'accessToken' | 'refreshToken' | 'expiresAt'> {
  return {
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token,
    expiresAt: now + grant.expires_in * 1000,
  };
}

/**
 * Keeps a usable access token. Refreshes are single-flight: Etsy rotates the refresh
 * token on every refresh, so two concurrent refreshes would spend the same refresh
 * token twice and the second would kill the connection.
 */
export class TokenManager implements AccessTokenSource {
  private refreshing: Promise<StoredTokens> | null = null;

  constructor(
    private readonly deps: {
      store: TokenStore;
      refresh: (refreshToken: string) => Promise<TokenGrant>;
      clock: Clock;
    },
  ) {}

  async current(): Promise<string> {
    const tokens = await this.readTokens();
    if (this.isFresh(tokens)) return tokens.accessToken;
    return (await this.renew(tokens.accessToken)).accessToken;
  }

  async renewAfterRejection(rejected: string): Promise<string> {
    return (await this.renew(rejected)).accessToken;
  }

  private renew(stale: string): Promise<StoredTokens> {
    this.refreshing ??= this.refreshOnce(stale).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(stale: string): Promise<StoredTokens> {
    const tokens = await this.readTokens();
    // A caller that read the store before the last refresh finished arrives here with an
    // old token; the stored pair is already new, and its refresh token must not be spent.
    if (tokens.accessToken !== stale && this.isFresh(tokens)) return tokens;
    let grant: TokenGrant;
    try {
      grant = await this.deps.refresh(tokens.refreshToken);
    } catch (error) {
      if (error instanceof EtsyError && error.kind === 'reconnect_needed') {
        await this.deps.store.markReconnectNeeded(error.message);
      }
      throw error;
    }
    const renewed = { ...tokens, ...tokensFromGrant(grant, this.deps.clock.now()) };
    await this.deps.store.write(renewed);
    return renewed;
  }

  private isFresh(tokens: StoredTokens): boolean {
    return tokens.expiresAt - EARLY_REFRESH_MS > this.deps.clock.now();
  }

  private async readTokens(): Promise<StoredTokens> {
    const tokens = await this.deps.store.read();
    if (!tokens) {
      throw new EtsyError(
        'not_connected',
        'Not connected to Etsy.',
        undefined,
        'Open the extension’s popup and click Connect.',
      );
    }
    return tokens;
  }
}

/** A just-issued token, used while connecting, before anything is stored. */
export function fixedAccessToken(token: string): AccessTokenSource {
  return {
    current: async () => token,
    renewAfterRejection: async () => {
      throw new EtsyError('oauth', 'Etsy refused the token it just issued. Try connecting again.');
    },
  };
}
