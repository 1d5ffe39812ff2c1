import { describe, expect, it } from 'vitest';
import { validateListingUpdate, DEFAULT_LIMITS } from '../../peers/etsy/listings';
import { generateShopListings } from '../../peers/etsy/shop';
import { connectedClient } from './helpers';
import { checkValue, findOperation, loadBaseline } from './openapi';

describe('the fake Etsy’s generated shop', () => {
  it('is the same shop for the same seed, and another for another seed', () => {
    const a = generateShopListings({ count: 50, seed: 3 });
    expect(generateShopListings({ count: 50, seed: 3 })).toEqual(a);
    expect(generateShopListings({ count: 50, seed: 4 }).map((l) => l.title)).not.toEqual(
      a.map((l) => l.title),
    );
  });

  it('has 2,500 listings in every state, with titles and tags Etsy would accept', () => {
    const listings = generateShopListings({ count: 2500 });
    const states = new Map<string, number>();
    for (const listing of listings) states.set(listing.state, (states.get(listing.state) ?? 0) + 1);
    expect([...states.keys()].sort()).toEqual([
      'active',
      'draft',
      'expired',
      'inactive',
      'sold_out',
    ]);
    for (const count of states.values()) expect(count).toBeGreaterThan(100);
    expect(new Set(listings.map((l) => l.listing_id)).size).toBe(2500);
    expect(new Set(listings.map((l) => l.title)).size).toBeGreaterThan(300);
    for (const listing of listings) {
      const form = new URLSearchParams({ title: listing.title, tags: listing.tags.join(',') });
      expect(validateListingUpdate(form, DEFAULT_LIMITS), listing.title).toHaveProperty('changes');
    }
    // Some listings need work and some don't: the audit has something to sort.
    const tagCounts = listings.map((l) => l.tags.length);
    expect(Math.min(...tagCounts)).toBeLessThan(5);
    expect(Math.max(...tagCounts)).toBe(13);
  });

  it('pages every state by limit and offset; each answer matches the spec with its images', async () => {
    const spec = loadBaseline();
    const { api, client } = connectedClient();
    api.stockShop({ count: 2500 });
    const schema = findOperation(spec, 'GET', '/v3/application/shops/1/listings')!.operation
      .responses['200']!.content!['application/json']!.schema;
    const seen = new Set<number>();
    for (const state of ['active', 'inactive', 'sold_out', 'draft', 'expired'] as const) {
      let count = Infinity;
      for (let offset = 0; offset < count; offset += 100) {
        const page = await client.getListingsPage(987654, state, offset);
        count = page.count;
        for (const listing of page.results) seen.add(listing.listing_id);
      }
    }
    expect(seen.size).toBe(api.listings.size);
    const problems = api
      .callsTo('getListingsByShop')
      .flatMap((response) =>
        checkValue(spec, schema, JSON.parse(response.body), response.request.path),
      );
    expect(problems).toEqual([]);
  });

  it('refuses what Etsy refuses: limit over 100, an unknown include', () => {
    const { api, issued } = connectedClient();
    const get = (query: string) =>
      api.respond({
        method: 'GET',
        host: 'api.etsy.com',
        url: new URL(`https://api.etsy.com/v3/application/shops/987654/listings?${query}`),
        headers: {
          'x-api-key': `${api.app.keystring}:${api.app.sharedSecret}`,
          authorization: `Bearer ${issued.access_token}`,
        },
        body: '',
      }).status;
    expect(get('limit=100&includes=Images')).toBe(200);
    expect(get('limit=101')).toBe(400);
    expect(get('includes=Photos')).toBe(400);
  });
});
