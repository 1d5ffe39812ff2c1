import { readSecret } from '@/lib/secrets';
import { EtsyClient } from './client';
import { systemClock } from './clock';
import type { EtsyConnection } from './connection';
import { readEtsyConnection } from './connection-state';
import { EtsyError } from './errors';
import { refreshAccessToken } from './oauth';
import { etsyTokenStore, saveShop, setConnectionIssue } from './store';
import { TokenManager } from './tokens';

/** The worker's fetch, called unbound (ky calls it as a method, which `fetch` refuses). */
export const workerFetch: typeof fetch = (input, init) => fetch(input, init);

const readApp = () => readSecret('etsyApp');

const etsyTokens = new TokenManager({
  store: etsyTokenStore,
  clock: systemClock,
  refresh: async (refreshToken) => {
    const app = await readApp();
    if (!app) throw new EtsyError('bad_app_credentials', 'Your Etsy app is not set up.');
    return refreshAccessToken({ fetch: workerFetch, app }, refreshToken);
  },
});

/** The one Etsy client of the background: one rate limiter, one token refresher. */
export const etsyClient = new EtsyClient({
  fetch: workerFetch,
  clock: systemClock,
  app: readApp,
  tokens: etsyTokens,
});

/**
 * Proves the stored connection still works (renewing the token if needed) and refreshes
 * the shop's name and icon. A network failure leaves the stored state as it was.
 */
export async function verifyEtsyConnection(): Promise<EtsyConnection> {
  const stored = await readEtsyConnection();
  if (stored.state !== 'connected') return stored;
  try {
    const me = await etsyClient.getMe();
    const shop = await etsyClient.getShop(me.shop_id);
    await saveShop({
      shopId: shop.shop_id,
      name: shop.shop_name,
      iconUrl: shop.icon_url_fullxfull ?? null,
    });
  } catch (error) {
    if (error instanceof EtsyError && error.kind === 'bad_app_credentials') {
      await setConnectionIssue('error', [error.message, error.action].join(' '));
    }
    // reconnect_needed is recorded by the token manager; anything else is passing.
  }
  return readEtsyConnection();
}
