import { describe, expect, it } from 'vitest';
import { EtsyError } from '@/lib/etsy/errors';
import { EtsyClient } from '@/lib/etsy/client';
import { makeListing } from '../../peers/etsy/data';
import { fetchFromFake } from '../../peers/etsy/fetch';
import { connectedClient } from './helpers';

const IDS = { shopId: 987654, listingId: 1234567890 };

async function currentText(client: ReturnType<typeof connectedClient>['client']) {
  const listing = await client.getListing(IDS.listingId);
  return {
    title: listing.title,
    description: listing.description,
    tags: listing.tags,
    materials: listing.materials,
  };
}

describe('retry policy', () => {
  it('retries a GET after 5xx, with backoff, and succeeds', async () => {
    const { api, client, clock } = connectedClient();
    api.failNext(2, 503);
    const started = clock.now();
    expect((await client.getShop(987654)).shop_name).toBe('FakeCraftShop');
    expect(api.responses.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(clock.now()).toBeGreaterThan(started);
  });

  it('gives up on a GET after a bounded number of attempts', async () => {
    const { api, client } = connectedClient();
    api.failNext(100, 500);
    await expect(client.getShop(987654)).rejects.toMatchObject({ kind: 'server', status: 500 });
    expect(api.requests).toHaveLength(4);
  });

  it('after three server errors, holds each request until Chromium would send it', async () => {
    const { api, client } = connectedClient();
    api.failNext(4, 503);
    await expect(client.getShop(987654)).rejects.toMatchObject({ kind: 'server', status: 503 });
    // The seller's Retry, at once: Chromium would refuse it as a network failure for ~1 s.
    expect((await client.getShop(987654)).shop_name).toBe('FakeCraftShop');
    const at = api.requests.map((r) => r.at);
    expect(api.responses.map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(700);
    expect(at[4]! - at[3]!).toBeGreaterThanOrEqual(980);
  });

  it('never retries a PATCH after a 5xx', async () => {
    const { api, client } = connectedClient();
    const before = await currentText(client);
    api.failNext(1, 500);
    await expect(
      client.updateListing(IDS, before, { title: 'Macrame Wall Hanging for Boho Rooms' }),
    ).rejects.toMatchObject({ kind: 'server' });
    expect(api.callsTo('updateListing')).toHaveLength(0);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('retries a GET after a network failure, never a PATCH', async () => {
    const { api, clock, tokens } = connectedClient();
    const toFake = fetchFromFake(api);
    let failuresLeft = 0;
    let attempts = 0;
    const flakyFetch: typeof fetch = async (input, init) => {
      attempts++;
      if (failuresLeft-- > 0) throw new TypeError('Failed to fetch');
      return toFake(input, init);
    };
    const client = new EtsyClient({ fetch: flakyFetch, clock, app: async () => api.app, tokens });
    const before = await currentText(client);

    failuresLeft = 1;
    attempts = 0;
    expect((await client.getMe()).shop_id).toBe(987654);
    expect(attempts).toBe(2);

    failuresLeft = 1;
    attempts = 0;
    await expect(
      client.updateListing(IDS, before, { title: 'A new title for the hanging' }),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(attempts).toBe(1);
  });

  it('honours 429 retry-after, also for a PATCH (Etsy refused it before doing anything)', async () => {
    const { api, client, clock } = connectedClient();
    const before = await currentText(client);
    api.failNext(1, 429);
    const started = clock.now();
    const updated = await client.updateListing(IDS, before, { title: 'Macrame Wall Hanging Boho' });
    expect(updated?.title).toBe('Macrame Wall Hanging Boho');
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
    expect(clock.now() - started).toBeGreaterThanOrEqual(2000);
  });
});

// The limiter spaces requests on real timers: 40 calls at 10 a second take about 3 s.
describe('rate limits', { timeout: 15_000 }, () => {
  it('fails fast with a clear message when Etsy asks for a long wait', async () => {
    const { api, client } = connectedClient();
    api.qpd = 2;
    await client.getShop(987654);
    api.qpd = 1; // the rolling window filled up elsewhere: Etsy answers 429, retry-after 3600
    const longWait = {
      kind: 'rate_limited',
      message: 'Etsy asks this app to wait 60 min before more requests. Try again then.',
    };
    await expect(client.getShop(987654)).rejects.toMatchObject(longWait);
    await expect(client.getShop(987654)).rejects.toMatchObject(longWait);
    expect(api.requests).toHaveLength(2);
  });

  it('stops sending when x-remaining-today reaches 0', async () => {
    const { api, client } = connectedClient();
    api.qpd = 1;
    await client.getShop(987654);
    await expect(client.getShop(987654)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(api.requests).toHaveLength(1);
  });

  it('never sends more than the per-second limit, even with 40 parallel calls', async () => {
    const { api, client } = connectedClient();
    await Promise.all(Array.from({ length: 40 }, () => client.getShop(987654)));
    expect(api.responses.filter((r) => r.status === 429)).toHaveLength(0);
    const times = api.requests.map((r) => r.at);
    for (const at of times) {
      expect(times.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(
        10,
      );
    }
  });

  it('learns a lower limit from x-limit-per-second and recovers from early 429s', async () => {
    const { api, client } = connectedClient();
    api.qps = 3;
    const shops = await Promise.all(Array.from({ length: 12 }, () => client.getShop(987654)));
    expect(shops).toHaveLength(12);
    expect(api.responses.filter((r) => r.status === 429).length).toBeLessThanOrEqual(7);
  });
});

describe('reads', () => {
  it('pages getListingsByShop 100 at a time until count is reached', async () => {
    const { api, client } = connectedClient();
    for (let i = api.listings.size; i < 250; i++) {
      const listing = makeListing({ listing_id: 5_000_000 + i, title: `Listing number ${i}` });
      api.listings.set(listing.listing_id, listing);
    }
    const listings = await client.getListingsByShop(987654);
    expect(listings).toHaveLength(250);
    expect(api.callsTo('getListingsByShop').map((r) => r.request.query)).toEqual([
      { state: 'active', limit: '100', offset: '0' },
      { state: 'active', limit: '100', offset: '100' },
      { state: 'active', limit: '100', offset: '200' },
    ]);
  });
});

describe('updateListing', () => {
  it('sends only changed fields, form-encoded, tags as one comma-joined value', async () => {
    const { api, client } = connectedClient();
    const before = await currentText(client);
    const updated = await client.updateListing(IDS, before, {
      title: before.title,
      tags: ['macrame', 'wall hanging', 'boho decor', 'gift for her'],
    });
    expect(updated?.tags).toEqual(['macrame', 'wall hanging', 'boho decor', 'gift for her']);
    const [patch] = api.callsTo('updateListing');
    expect(patch!.request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(patch!.request.body).toBe('tags=macrame%2Cwall+hanging%2Cboho+decor%2Cgift+for+her');
  });

  it('sends nothing when nothing changed', async () => {
    const { api, client } = connectedClient();
    const before = await currentText(client);
    expect(await client.updateListing(IDS, before, { ...before })).toBeNull();
    expect(api.callsTo('updateListing')).toHaveLength(0);
  });

  it('normalises to NFC before sending', async () => {
    const { api, client } = connectedClient();
    const before = await currentText(client);
    await client.updateListing(IDS, before, { title: 'E\u0300xample title\u0301' });
    expect(api.listings.get(IDS.listingId)!.title).toBe('Èxample titlé');
  });

  it("turns Etsy's object error into the seller's message", async () => {
    const { client } = connectedClient();
    const before = await currentText(client);
    const error = await client
      .updateListing(IDS, before, { tags: ['mug', 'Mug'] })
      .catch((e: unknown) => e as EtsyError);
    expect(error).toMatchObject({
      kind: 'validation',
      message: 'Etsy says: There was a problem with /tags : You may not have duplicate tags.',
    });
  });

  it("turns Etsy's array error into the seller's message", async () => {
    const { api, client } = connectedClient();
    api.arrayErrors = true;
    const before = await currentText(client);
    const error = await client
      .updateListing(IDS, before, { title: 'Mug $5 cheap' })
      .catch((e: unknown) => e as EtsyError);
    expect((error as EtsyError).message).toBe('Etsy says: title/0: contains invalid characters');
  });
});
