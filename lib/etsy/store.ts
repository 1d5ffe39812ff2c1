import { db } from '@/lib/db';
import { deleteSecret, readSecret, writeSecret, type SecretValue } from '@/lib/secrets';
import type { EtsyShop } from './connection';
import { announceEtsyConnectionChange } from './connection-changed';
import type { EtsyApp } from './oauth';
import type { StoredTokens, TokenStore } from './tokens';

type Issue = SecretValue<'etsyConnectionIssue'>;

/** Connection facts in the extension's IndexedDB (background only: tokens never leave it). */
export const etsyTokenStore: TokenStore = {
  read: () => readSecret('etsyTokens'),
  write: (tokens) => writeSecret('etsyTokens', tokens),
  markReconnectNeeded: (message) => setConnectionIssue('reconnect_needed', message),
};

export async function setConnectionIssue(state: Issue['state'], message: string): Promise<void> {
  await writeSecret('etsyConnectionIssue', { state, message, at: Date.now() });
  await announceEtsyConnectionChange();
}

/** Saves the app; a different keystring is a different app, whose tokens ours are not. */
export async function saveEtsyApp(app: EtsyApp): Promise<void> {
  await db.transaction('rw', db.secrets, async () => {
    const previous = await readSecret('etsyApp');
    if (previous && previous.keystring !== app.keystring) await dropConnection();
    await writeSecret('etsyApp', app);
    // A failure caused by the old credentials no longer applies.
    const issue = await readSecret('etsyConnectionIssue');
    if (issue?.state === 'error') await deleteSecret('etsyConnectionIssue');
  });
  await announceEtsyConnectionChange();
}

/** Tokens and shop together, so a half-saved connection can't exist. */
export async function saveConnection(tokens: StoredTokens, shop: EtsyShop): Promise<void> {
  await db.transaction('rw', db.secrets, async () => {
    await writeSecret('etsyTokens', tokens);
    await writeSecret('etsyShop', shop);
    await deleteSecret('etsyConnectionIssue');
  });
  await announceEtsyConnectionChange();
}

export async function saveShop(shop: EtsyShop): Promise<void> {
  await writeSecret('etsyShop', shop);
  await announceEtsyConnectionChange();
}

/** Disconnect: the tokens, the shop and any pending issue go; the app credentials stay. */
export async function forgetConnection(): Promise<void> {
  await dropConnection();
  await announceEtsyConnectionChange();
}

/** Inside a transaction: nothing but IndexedDB may be awaited until it ends. */
function dropConnection(): Promise<void> {
  return db.transaction('rw', db.secrets, async () => {
    await deleteSecret('etsyTokens');
    await deleteSecret('etsyShop');
    await deleteSecret('etsyConnectionIssue');
  });
}
