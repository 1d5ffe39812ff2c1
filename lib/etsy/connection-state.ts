import { readSecret } from '@/lib/secrets';
import type { EtsyConnection } from './connection';

/** The connection state as the stored credentials show it. */
export async function readEtsyConnection(): Promise<EtsyConnection> {
  const app = await readSecret('etsyApp');
  if (!app) return { state: 'not_configured' };
  const tokens = await readSecret('etsyTokens');
  if (!tokens) return { state: 'not_connected' };
  return {
    state: 'connected',
    shop: { shopId: tokens.shopId, name: `Shop ${tokens.shopId}`, iconUrl: null },
    canWrite: tokens.scopes.includes('listings_w'),
  };
}
