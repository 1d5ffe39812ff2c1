import { readSecret } from '@/lib/secrets';
import { EtsyClient } from './client';
import { systemClock } from './clock';
import { EtsyError } from './errors';
import { refreshAccessToken } from './oauth';
import { etsyTokenStore } from './connection-store';
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
