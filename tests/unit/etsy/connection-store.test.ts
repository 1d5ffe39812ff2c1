import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readEtsyConnection } from '@/lib/etsy/connection-status';
import { readSecret } from '@/lib/secrets';

const SHOP = { shopId: 987654, name: 'FakeCraftShop', iconUrl: null };
const TOKENS = {
  accessToken: '987654.access',
  refreshToken: '987654.refresh',
  expiresAt: Date.now() + 3_600_000,
  userId: 1,
  shopId: 987654,
  scopes: ['listings_r', 'listings_w'],
};

/** The database as version 2 of the extension left it: shop and state among the secrets. */
async function installVersion2(rows: { key: string; value: unknown }[]): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
  const old = new Dexie(db.name);
  old.version(1).stores({
    secrets: 'key',
    snapshots: '++id, listingId, takenAt',
    suggestions: 'key, createdAt',
  });
  old
    .version(2)
    .stores({ shopListings: 'key, loadId', shopMeta: 'key', shopBatches: '++id, createdAt' });
  await old.table('secrets').bulkPut(rows);
  old.close();
  await db.open();
}

describe('the stored Etsy connection after an update', () => {
  it('stays connected: shop and state leave the secrets, keeping their keys', async () => {
    await installVersion2([
      { key: 'etsyApp', value: { keystring: 'abc123', sharedSecret: 's3cret' } },
      { key: 'etsyTokens', value: TOKENS },
      { key: 'etsyShop', value: SHOP },
    ]);

    expect((await db.secrets.toArray()).map((row) => row.key).sort()).toEqual([
      'etsyApp',
      'etsyTokens',
    ]);
    expect(await db.etsyConnection.toArray()).toEqual([{ key: 'etsyShop', value: SHOP }]);
    expect(await readSecret('etsyTokens')).toEqual(TOKENS);
    expect(await readEtsyConnection()).toEqual({ state: 'connected', shop: SHOP, canWrite: true });
  });

  it('keeps a pending problem, so the popup still shows it', async () => {
    const issue = { state: 'reconnect_needed', message: 'Etsy signed you out.', at: Date.now() };
    await installVersion2([
      { key: 'etsyApp', value: { keystring: 'abc123', sharedSecret: 's3cret' } },
      { key: 'etsyConnectionIssue', value: issue },
    ]);

    expect(await readEtsyConnection()).toEqual({
      state: 'reconnect_needed',
      message: 'Etsy signed you out.',
    });
    expect(await db.secrets.get('etsyConnectionIssue')).toBeUndefined();
  });
});
