import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readAuditMeta, readCachedRows } from '@/lib/shop/cache';
import type { ShopLoadServerMessage } from '@/lib/shop/load-protocol';
import { serveShopLoad } from '@/lib/shop/serve-load';
import { SEED_SHOP_ID } from '../../peers/etsy/data';
import { connectedClient } from '../etsy/helpers';
import { MockPort } from '../llm/mock-port';

/** A port whose posts and disconnect the test can watch. */
class WatchedPort extends MockPort {
  private onPostCallbacks: ((message: unknown) => void)[] = [];
  private onEnd: (() => void)[] = [];
  onPost(callback: (message: unknown) => void) {
    this.onPostCallbacks.push(callback);
  }
  onDisconnectFromServer(callback: () => void) {
    this.onEnd.push(callback);
  }
  override postMessage(message: unknown): void {
    super.postMessage(message);
    for (const callback of this.onPostCallbacks) callback(message);
  }
  override disconnect(): void {
    super.disconnect();
    for (const callback of this.onEnd) callback();
  }
  send(message: unknown) {
    this.deliver(message);
  }
}
const mockPort = () => new WatchedPort();

/** The real client against the fake Etsy holding a generated shop, served over a mock port. */
function shopSession(count = 2500) {
  const session = connectedClient();
  session.api.stockShop({ count, seed: 7 });
  return session;
}

async function runLoad(
  session: ReturnType<typeof shopSession>,
  mode: 'fresh' | 'resume' = 'fresh',
  onMessage?: (message: ShopLoadServerMessage, port: ReturnType<typeof mockPort>) => void,
) {
  const port = mockPort();
  const messages: ShopLoadServerMessage[] = [];
  const ended = new Promise<void>((resolve) => port.onDisconnectFromServer(resolve));
  port.onPost((message) => {
    messages.push(message as ShopLoadServerMessage);
    onMessage?.(message as ShopLoadServerMessage, port);
  });
  serveShopLoad(port, {
    client: session.client,
    now: session.clock.now,
    shopId: async () => SEED_SHOP_ID,
  });
  port.send({ type: 'start', mode });
  await ended;
  return messages;
}

beforeEach(async () => {
  await db.shopListings.clear();
  await db.shopMeta.clear();
});

describe('loading the shop through getListingsByShop', () => {
  it('loads 2,500 listings with one call per 100 listings per state, none repeated', async () => {
    const session = shopSession();
    const started = session.clock.now();
    const messages = await runLoad(session);
    const finished = session.clock.now();
    const calls = session.api.callsTo('getListingsByShop').map((r) => r.request.query);
    const expected = ['active', 'inactive', 'sold_out', 'draft', 'expired'].reduce(
      (sum, state) =>
        sum +
        Math.max(
          1,
          Math.ceil(
            [...session.api.listings.values()].filter((l) => l.state === state).length / 100,
          ),
        ),
      0,
    );
    expect(calls).toHaveLength(expected);
    expect(new Set(calls.map((q) => `${q.state}@${q.offset}`)).size).toBe(calls.length);
    expect(calls.every((q) => q.limit === '100' && q.includes === 'Images')).toBe(true);

    const last = messages.at(-1)!;
    expect(last.type).toBe('done');
    const all = session.api.listings.size;
    expect(last.progress).toMatchObject({ loaded: all, total: all, callsUsed: expected });
    expect(last.progress.remainingToday).toBe(10_000 - expected);
    expect(last.progress.limitPerDay).toBe(10_000);
    // Rows arrive page by page, and the total is known after the five first pages.
    const pages = messages.filter((m) => m.type === 'page');
    expect(pages).toHaveLength(expected);
    expect(pages[4]!.progress.total).toBe(all);
    const cached = await readCachedRows();
    expect(cached).toHaveLength(all);
    expect(cached.find((row) => row.listingId === 4_000_000_000)?.thumbnailUrl).toMatch(
      /^https:\/\/i\.etsystatic\.com\/.+il_75x75/,
    );
    const loadedAt = (await readAuditMeta())?.loadedAt;
    expect(loadedAt).toBeGreaterThanOrEqual(started);
    expect(loadedAt).toBeLessThanOrEqual(finished);
  }, 30_000);

  it('a failing page keeps what loaded, names the part, and retry carries on from there', async () => {
    const session = shopSession(600);
    session.api.failingPage = { state: 'active', offset: 200 };
    const messages = await runLoad(session);
    const failed = messages.at(-1)!;
    expect(failed).toMatchObject({ type: 'failed', part: 'active listings 201–300' });
    const loadedBefore = failed.progress.loaded;
    expect(loadedBefore).toBeGreaterThan(0);
    expect(await readCachedRows()).toHaveLength(loadedBefore);

    session.api.failingPage = null;
    const callsBefore = session.api.callsTo('getListingsByShop').length;
    const resumed = await runLoad(session, 'resume');
    const all = session.api.listings.size;
    expect(resumed.at(-1)).toMatchObject({ type: 'done', progress: { loaded: all } });
    const retried = session.api
      .callsTo('getListingsByShop')
      .slice(callsBefore)
      .filter((r) => r.status === 200)
      .map((r) => `${r.request.query.state}@${r.request.query.offset}`);
    expect(retried[0]).toBe('active@200');
    // Nothing that had loaded is asked for again.
    const succeeded = session.api
      .callsTo('getListingsByShop')
      .filter((r) => r.status === 200)
      .map((r) => `${r.request.query.state}@${r.request.query.offset}`);
    expect(new Set(succeeded).size).toBe(succeeded.length);
    expect(await readCachedRows()).toHaveLength(all);
  });

  it('cancel stops after the page in flight and keeps the rows', async () => {
    const session = shopSession(1000);
    const messages = await runLoad(session, 'fresh', (message, port) => {
      if (message.type === 'page' && message.progress.loaded >= 300) port.send({ type: 'cancel' });
    });
    expect(messages.at(-1)!.type).toBe('cancelled');
    const loaded = messages.at(-1)!.progress.loaded;
    expect(loaded).toBeLessThan(session.api.listings.size);
    expect(await readCachedRows()).toHaveLength(loaded);
    expect((await readAuditMeta())?.loadedAt).toBeNull();
  });

  it('not connected: says so and calls nothing', async () => {
    const session = shopSession(10);
    const port = mockPort();
    const messages: ShopLoadServerMessage[] = [];
    const ended = new Promise<void>((resolve) => port.onDisconnectFromServer(resolve));
    port.onPost((message) => messages.push(message as ShopLoadServerMessage));
    serveShopLoad(port, {
      client: session.client,
      now: session.clock.now,
      shopId: async () => ({
        source: 'etsy',
        code: 'not_connected',
        message: 'Etsy is not connected.',
      }),
    });
    port.send({ type: 'start', mode: 'fresh' });
    await ended;
    expect(messages).toMatchObject([{ type: 'failed', error: { code: 'not_connected' } }]);
    expect(session.api.callsTo('getListingsByShop')).toHaveLength(0);
  });
});
