import { readSecret } from '@/lib/secrets';
import type { EtsyConnection } from './connection';

/** A `connecting` older than this was left by a worker that stopped mid-flow. */
const CONNECTING_EXPIRES_MS = 10 * 60_000;

/** The connection state as the stored credentials show it. */
export async function readEtsyConnection(now = Date.now()): Promise<EtsyConnection> {
  const app = await readSecret('etsyApp');
  if (!app) return { state: 'not_configured' };
  const issue = await readSecret('etsyConnectionIssue');
  if (issue?.state === 'connecting' && now - issue.at < CONNECTING_EXPIRES_MS) {
    return { state: 'connecting' };
  }
  if (issue?.state === 'reconnect_needed' || issue?.state === 'error') {
    return { state: issue.state, message: issue.message };
  }
  const tokens = await readSecret('etsyTokens');
  if (!tokens) return { state: 'not_connected' };
  const shop = await readSecret('etsyShop');
  return {
    state: 'connected',
    shop: shop ?? { shopId: tokens.shopId, name: `Shop ${tokens.shopId}`, iconUrl: null },
    canWrite: tokens.scopes.includes('listings_w'),
  };
}
