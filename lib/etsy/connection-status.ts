import { readSecret } from '@/lib/secrets';
import { etsyClient } from './background-client';
import type { EtsyConnection } from './connection-schemas';
import { readConnectionIssue, readShop, saveShop, setConnectionIssue } from './connection-store';
import { EtsyError } from './errors';

/** A `connecting` older than this was left by a worker that stopped mid-flow. */
const CONNECTING_EXPIRES_MS = 10 * 60_000;

/** The connection state as the stored credentials show it. */
export async function readEtsyConnection(now = Date.now()): Promise<EtsyConnection> {
  const app = await readSecret('etsyApp');
  if (!app) return { state: 'not_configured' };
  const issue = await readConnectionIssue();
  if (issue?.state === 'connecting' && now - issue.at < CONNECTING_EXPIRES_MS) {
    return { state: 'connecting' };
  }
  if (issue?.state === 'reconnect_needed' || issue?.state === 'error') {
    return { state: issue.state, message: issue.message };
  }
  const tokens = await readSecret('etsyTokens');
  if (!tokens) return { state: 'not_connected' };
  const shop = await readShop();
  return {
    state: 'connected',
    shop: shop ?? { shopId: tokens.shopId, name: `Shop ${tokens.shopId}`, iconUrl: null },
    canWrite: tokens.scopes.includes('listings_w'),
  };
}

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
