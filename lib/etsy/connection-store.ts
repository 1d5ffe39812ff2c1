import { z } from 'zod';
import { db } from '@/lib/db';
import { deleteSecret, readSecret, writeSecret } from '@/lib/secrets';
import { announceEtsyConnectionChange } from './connection-changed';
import { EtsyShopSchema, type EtsyShop } from './connection-schemas';
import type { EtsyApp } from './oauth';
import type { StoredTokens, TokenStore } from './tokens';

/*
 * The stored Etsy connection, in the extension's IndexedDB (background only): the app and the
 * tokens are secrets (lib/secrets); the shop and the connection's state are not, and live in
 * their own table under the keys they always had.
 */

const ConnectionIssueSchema = z.object({
  state: z.enum(['connecting', 'reconnect_needed', 'error']),
  message: z.string(),
  /** Epoch ms; a `connecting` left by a worker that died mid-flow expires. */
  at: z.number(),
});
type ConnectionIssue = z.infer<typeof ConnectionIssueSchema>;

/** The connected shop as last read from Etsy, for the popup. */
const SHOP_KEY = 'etsyShop';
/** Why the connection isn't simply connected or not: kept so the popup can reopen onto it. */
const ISSUE_KEY = 'etsyConnectionIssue';

async function readRecord<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse((await db.etsyConnection.get(key))?.value);
  return parsed.success ? parsed.data : null;
}

export const readShop = () => readRecord(SHOP_KEY, EtsyShopSchema);
export const readConnectionIssue = () => readRecord(ISSUE_KEY, ConnectionIssueSchema);

export const etsyTokenStore: TokenStore = {
  read: () => readSecret('etsyTokens'),
  write: (tokens) => writeSecret('etsyTokens', tokens),
  markReconnectNeeded: (message) => setConnectionIssue('reconnect_needed', message),
};

export async function setConnectionIssue(
  state: ConnectionIssue['state'],
  message: string,
): Promise<void> {
  await db.etsyConnection.put({ key: ISSUE_KEY, value: { state, message, at: Date.now() } });
  await announceEtsyConnectionChange();
}

/** Saves the app; a different keystring is a different app, whose tokens ours are not. */
export async function saveEtsyApp(app: EtsyApp): Promise<void> {
  await db.transaction('rw', db.secrets, db.etsyConnection, async () => {
    const previous = await readSecret('etsyApp');
    if (previous && previous.keystring !== app.keystring) await dropConnection();
    await writeSecret('etsyApp', app);
    // A failure caused by the old credentials no longer applies.
    if ((await readConnectionIssue())?.state === 'error') {
      await db.etsyConnection.delete(ISSUE_KEY);
    }
  });
  await announceEtsyConnectionChange();
}

/** Tokens and shop together, so a half-saved connection can't exist. */
export async function saveConnection(tokens: StoredTokens, shop: EtsyShop): Promise<void> {
  await db.transaction('rw', db.secrets, db.etsyConnection, async () => {
    await writeSecret('etsyTokens', tokens);
    await writeShop(shop);
    await db.etsyConnection.delete(ISSUE_KEY);
  });
  await announceEtsyConnectionChange();
}

async function writeShop(shop: EtsyShop): Promise<void> {
  await db.etsyConnection.put({ key: SHOP_KEY, value: EtsyShopSchema.parse(shop) });
}

export async function saveShop(shop: EtsyShop): Promise<void> {
  await writeShop(shop);
  await announceEtsyConnectionChange();
}

/** Disconnect: the tokens, the shop and any pending issue go; the app credentials stay. */
export async function forgetConnection(): Promise<void> {
  await dropConnection();
  await announceEtsyConnectionChange();
}

/** Inside a transaction: nothing but IndexedDB may be awaited until it ends. */
function dropConnection(): Promise<void> {
  return db.transaction('rw', db.secrets, db.etsyConnection, async () => {
    await deleteSecret('etsyTokens');
    await db.etsyConnection.bulkDelete([SHOP_KEY, ISSUE_KEY]);
  });
}
