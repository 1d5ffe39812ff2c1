import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listingText, publishChanges, revertPublish } from '@/lib/etsy/publish';
import { writeSecret } from '@/lib/secrets';
import { SEED_SHOP_ID, SEED_USER_ID } from '../../peers/etsy/data';
import { connectedClient } from './helpers';

const LISTING_ID = 1234567890;
const NEW_TITLE = 'Macrame Wall Hanging, Boho Cotton Rope Tapestry';

beforeEach(async () => {
  await db.snapshots.clear();
  await writeSecret('etsyTokens', {
    accessToken: 'unused',
    refreshToken: 'unused',
    expiresAt: 0,
    userId: SEED_USER_ID,
    shopId: SEED_SHOP_ID,
    scopes: ['listings_r', 'listings_w', 'shops_r'],
  });
});

describe('publishChanges', () => {
  it('reads once for conflicts, snapshots Etsy’s values, and sends only the changes', async () => {
    const { api, client } = connectedClient();
    const baseline = listingText(api.listings.get(LISTING_ID)!);
    const outcome = await publishChanges(client, baseline, { title: NEW_TITLE });
    expect(outcome).toMatchObject({ status: 'done', alreadyApplied: false });
    expect(api.callsTo('getListing')).toHaveLength(1);
    const [patch] = api.callsTo('updateListing');
    expect([...new URLSearchParams(patch!.request.body).keys()]).toEqual(['title']);
    const [snapshot] = await db.snapshots.toArray();
    expect(snapshot).toMatchObject({
      status: 'published',
      before: { title: baseline.title, tags: baseline.tags },
      sent: { title: NEW_TITLE },
    });
  });

  it('never sends a plain description over a rich-text one, and says why', async () => {
    const { api, client } = connectedClient();
    const rich = api.listings.get(5678901234)!;
    const baseline = listingText(rich);
    expect(baseline.richDescription).toBe(true);
    const outcome = await publishChanges(client, baseline, { description: 'Plain text now.' });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'rich_description' } });
    expect(api.callsTo('updateListing')).toHaveLength(0);
    expect(rich.description).toBe(baseline.description);
  });

  it('refuses when Etsy changed since the seller read it, and writes nothing', async () => {
    const { api, client } = connectedClient();
    const baseline = listingText(api.listings.get(LISTING_ID)!);
    api.listings.get(LISTING_ID)!.tags = ['changed elsewhere'];
    const outcome = await publishChanges(client, baseline, { title: NEW_TITLE });
    expect(outcome).toEqual({
      status: 'conflict',
      conflicts: [
        { field: 'tags', expected: baseline.tags.join(', '), actual: 'changed elsewhere' },
      ],
    });
    expect(api.callsTo('updateListing')).toHaveLength(0);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('never publishes twice when the answer to a write was lost', async () => {
    let dropNextPatchAnswer = true;
    const { api, client } = connectedClient({
      wrapFetch: (inner) => async (input, init) => {
        const method = input instanceof Request ? input.method : init?.method;
        const response = await inner(input, init);
        if (method === 'PATCH' && dropNextPatchAnswer) {
          dropNextPatchAnswer = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    });
    const baseline = listingText(api.listings.get(LISTING_ID)!);
    const first = await publishChanges(client, baseline, { title: NEW_TITLE });
    expect(first.status).toBe('failed');
    expect(api.callsTo('updateListing')).toHaveLength(1);
    expect((await db.snapshots.toArray())[0]!.status).toBe('failed');

    const second = await publishChanges(client, baseline, { title: NEW_TITLE });
    expect(second).toMatchObject({ status: 'done', alreadyApplied: true });
    expect(api.callsTo('updateListing')).toHaveLength(1);
    expect((await db.snapshots.toArray())[0]!.status).toBe('published');
  });

  it('keeps the snapshot when a write fails with a 500, and is not retried', async () => {
    const { api, client } = connectedClient();
    const baseline = listingText(api.listings.get(LISTING_ID)!);
    await client.getListing(LISTING_ID); // let the conflict-check read pass first
    const originalUpdate = client.updateListing.bind(client);
    client.updateListing = async (...args) => {
      api.failNext(1, 500);
      return originalUpdate(...args);
    };
    const outcome = await publishChanges(client, baseline, { title: NEW_TITLE });
    expect(outcome).toMatchObject({ status: 'failed', error: { source: 'etsy' } });
    expect(api.callsTo('updateListing').filter((c) => c.status !== 500)).toHaveLength(0);
    expect(api.responses.filter((r) => r.request.method === 'PATCH')).toHaveLength(1);
    expect(await db.snapshots.toArray()).toMatchObject([{ status: 'failed' }]);
    expect(api.listings.get(LISTING_ID)!.title).toBe(baseline.title);
  });
});

describe('revertPublish', () => {
  it('restores exactly the fields a publish changed', async () => {
    const { api, client } = connectedClient();
    const original = listingText(api.listings.get(LISTING_ID)!);
    const published = await publishChanges(client, original, {
      title: NEW_TITLE,
      tags: ['macrame', 'boho decor'],
    });
    if (published.status !== 'done') throw new Error('publish failed');
    const reverted = await revertPublish(client, published.snapshotId);
    expect(reverted.status).toBe('done');
    expect(listingText(api.listings.get(LISTING_ID)!)).toEqual(original);
    expect((await db.snapshots.get(published.snapshotId))!.status).toBe('reverted');
  });

  it('refuses to revert over an edit made on Etsy after the publish', async () => {
    const { api, client } = connectedClient();
    const original = listingText(api.listings.get(LISTING_ID)!);
    const published = await publishChanges(client, original, { title: NEW_TITLE });
    if (published.status !== 'done') throw new Error('publish failed');
    api.listings.get(LISTING_ID)!.title = 'Seller edited it again';
    const reverted = await revertPublish(client, published.snapshotId);
    expect(reverted.status).toBe('conflict');
    expect(api.listings.get(LISTING_ID)!.title).toBe('Seller edited it again');
  });
});
