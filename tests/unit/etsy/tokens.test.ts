import { describe, expect, it } from 'vitest';
import { EtsyError } from '@/lib/etsy/errors';
import { connectedClient } from './helpers';

describe('token lifecycle', () => {
  it('20 parallel calls with an expired token cause exactly one refresh', async () => {
    const { api, client, store } = connectedClient({ expired: true });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.getMe()));
    expect(results.every((me) => me.shop_id === 987654)).toBe(true);
    expect(api.tokenRequests).toBe(1);
    expect(store.writes).toHaveLength(1);
  });

  it('refreshes shortly before expiry, without waiting for a 401', async () => {
    const { api, client, clock } = connectedClient();
    await client.getMe();
    clock.advance(3600_000 - 60_000);
    await client.getMe();
    expect(api.tokenRequests).toBe(1);
    expect(api.responses.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('persists the rotated pair at once and never reuses the old refresh token', async () => {
    const { api, client, store, clock, issued } = connectedClient({ expired: true });
    const before = clock.now();
    await client.getMe();
    const first = store.tokens!;
    expect(first.refreshToken).not.toBe(issued.refresh_token);
    expect(first.accessToken).not.toBe(issued.access_token);
    expect(first.expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(first.expiresAt).toBeLessThanOrEqual(clock.now() + 3600_000);
    api.expireAccessTokens();
    clock.advance(3600_000);
    await client.getMe();
    // The fake revokes each refresh token when it is used: a reuse would have failed.
    expect(api.tokenRequests).toBe(2);
    expect(store.tokens!.refreshToken).not.toBe(first.refreshToken);
  });

  it('renews once on 401 invalid_token and replays the call', async () => {
    const { api, client } = connectedClient();
    api.expireAccessTokens(); // Etsy's clock says expired while ours does not
    expect((await client.getMe()).user_id).toBe(12345678);
    expect(api.responses.map((r) => r.status)).toEqual([401, 200, 200]);
  });

  it('a dead refresh token marks "reconnect needed" and keeps everything else', async () => {
    const { api, client, store } = connectedClient({ expired: true });
    api.revokeRefreshTokens();
    const failure = await client.getMe().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EtsyError);
    expect((failure as EtsyError).kind).toBe('reconnect_needed');
    expect(store.reconnectMessage).toMatch(/Reconnect/);
    expect(store.tokens).not.toBeNull();
  });
});
