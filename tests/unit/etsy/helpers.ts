import { EtsyClient } from '@/lib/etsy/client';
import type { Clock } from '@/lib/etsy/clock';
import { refreshAccessToken } from '@/lib/etsy/oauth';
import { TokenManager, type StoredTokens, type TokenStore } from '@/lib/etsy/tokens';
import { FakeEtsyApi } from '../../peers/etsy/api';
import { SEED_SHOP_ID, SEED_USER_ID } from '../../peers/etsy/data';
import { fetchFromFake } from '../../peers/etsy/fetch';

export interface FakeClock extends Clock {
  advance(ms: number): void;
}

/**
 * Real time, shifted: the test can move it forward (to expire a token) without waiting.
 * It follows real time because the rate limiter and ky's retry backoff wait on real timers.
 */
export function fakeClock(start = 1_800_000_000_000): FakeClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export interface MemoryTokenStore extends TokenStore {
  tokens: StoredTokens | null;
  writes: StoredTokens[];
  reconnectMessage: string | null;
}

function memoryTokenStore(initial: StoredTokens | null): MemoryTokenStore {
  const store: MemoryTokenStore = {
    tokens: initial,
    writes: [],
    reconnectMessage: null,
    read: async () => store.tokens,
    write: async (tokens) => {
      store.tokens = tokens;
      store.writes.push(tokens);
    },
    markReconnectNeeded: async (message) => {
      store.reconnectMessage = message;
    },
  };
  return store;
}

/** The real client and token manager against the in-process fake Etsy, sharing one clock. */
export function connectedClient(
  options: {
    expired?: boolean;
    wrapFetch?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch;
  } = {},
) {
  const api = new FakeEtsyApi();
  const clock = fakeClock();
  api.now = clock.now;
  const issued = api.auth.issueTokens(SEED_USER_ID, ['listings_r', 'listings_w', 'shops_r']);
  if (options.expired) api.expireAccessTokens();
  const store = memoryTokenStore({
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    expiresAt: options.expired ? clock.now() - 1 : clock.now() + 3600_000,
    userId: SEED_USER_ID,
    shopId: SEED_SHOP_ID,
    scopes: ['listings_r', 'listings_w', 'shops_r'],
  });
  const fetch = (options.wrapFetch ?? ((f) => f))(fetchFromFake(api));
  const tokens = new TokenManager({
    store,
    clock,
    refresh: (refreshToken) => refreshAccessToken({ fetch, app: api.app }, refreshToken),
  });
  const client = new EtsyClient({
    fetch,
    clock,
    app: async () => api.app,
    tokens,
    random: () => 0.5,
  });
  return { api, clock, store, tokens, client, issued };
}
