import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import type { FakeEtsy } from '../../tests/peers/etsy/server';
import { generateShopListings } from '../../tests/peers/etsy/shop';
import { connect } from '../../tests/e2e/helpers/etsy';
import { saveModelSettings } from '../../tests/e2e/helpers/model-settings';
import { percentile } from './stats';
import { formatCount, type BenchRow } from './table';

const STATES = ['active', 'inactive', 'sold_out', 'draft', 'expired'] as const;
const SCROLL_ROWS = 10_000;
const SCROLL_FRAMES = 240;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The shop page against the fake Etsy holding 2,500 listings at internet latency (100–200 ms a
 * call): API calls and time to load and grade the shop, scroll frame time on 10,000 rows, and
 * a bulk batch of 20 suggested offline and published.
 */
export async function benchShop(
  context: BrowserContext,
  extensionId: string,
  etsy: FakeEtsy,
): Promise<BenchRow[]> {
  const openExtensionPage = async (path: 'popup.html' | 'options.html'): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  if (!etsy.api.auth.tokenRequests) await (await connect(etsy, openExtensionPage)).close();
  const listings = etsy.api.stockShop({ count: 2500 });
  etsy.api.latency = { minMs: 100, maxMs: 200 };
  const shopListings = [...etsy.api.listings.values()];
  const expectedCalls = STATES.reduce(
    (sum, state) =>
      sum + Math.max(1, Math.ceil(shopListings.filter((l) => l.state === state).length / 100)),
    0,
  );

  const from = etsy.api.responses.length;
  const shop = await context.newPage();
  await shop.setViewportSize({ width: 1440, height: 900 });
  const started = Date.now();
  await shop.goto(`chrome-extension://${extensionId}/shop.html`);
  await shop.getByTestId('audit-row').first().waitFor({ timeout: 60_000 });
  const firstRows = Date.now() - started;
  await shop.getByTestId('load-done').waitFor({ timeout: 120_000 });
  const fullTable = Date.now() - started;
  const loadCalls = etsy.api.responses
    .slice(from)
    .filter((r) => r.operationId === 'getListingsByShop')
    .map((r) => `${r.request.query.state}@${r.request.query.offset}`);
  const repeats = loadCalls.length - new Set(loadCalls).size;

  const bulk = await benchBulk(shop, context, etsy);
  const scroll = await benchScroll(shop);
  await shop.close();
  return [
    {
      measure: `Etsy API calls to load the shop (${formatCount(listings.length + 2)} listings)`,
      value: `${loadCalls.length} getListingsByShop, ${repeats} repeated`,
      target: `${expectedCalls} (one per 100 per state), 0 repeated`,
      ok: loadCalls.length === expectedCalls && repeats === 0,
    },
    { measure: 'Shop page: first rows (100–200 ms a call)', value: seconds(firstRows) },
    { measure: 'Shop page: full graded table', value: seconds(fullTable) },
    bulk,
    scroll,
  ];
}

async function benchBulk(shop: Page, context: BrowserContext, etsy: FakeEtsy): Promise<BenchRow> {
  const [worker] = context.serviceWorkers();
  await saveModelSettings(worker!, { provider: 'offline' });
  await shop.getByRole('button', { name: 'Select the 20 lowest scores' }).click();
  const suggestStarted = Date.now();
  await shop.getByRole('button', { name: 'Suggest for selected' }).click();
  await shop.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="batch-item"][data-stage="suggested"]').length === 20,
    undefined,
    { timeout: 120_000 },
  );
  const suggested = Date.now() - suggestStarted;
  for (let i = 0; i < 20; i++) {
    await shop.getByTestId('batch-review').waitFor();
    await shop.keyboard.press('a');
  }
  await shop.getByText('20 accepted, 0 published.').waitFor();
  const from = etsy.api.responses.length;
  const publishStarted = Date.now();
  await shop.getByRole('button', { name: 'Publish accepted (20)' }).click();
  // Under the review's safe defaults some accepted suggestions change nothing on Etsy: those
  // are skipped at publish ("Nothing to change"), so the batch ends with 0 accepted.
  const summary = shop.getByTestId('batch-summary');
  await summary.filter({ hasText: /^0 accepted, \d+ published/ }).waitFor({ timeout: 120_000 });
  const published = Date.now() - publishStarted;
  const publishedCount = Number(/(\d+) published/.exec((await summary.textContent()) ?? '')?.[1]);
  const calls = etsy.api.responses.slice(from).filter((r) => r.operationId !== null);
  const byOperation = new Map<string, number>();
  for (const call of calls)
    byOperation.set(call.operationId!, (byOperation.get(call.operationId!) ?? 0) + 1);
  await shop.getByRole('button', { name: 'Close batch' }).click();
  return {
    measure: 'Bulk: 20 listings suggested (offline), the accepted published',
    value: `${seconds(suggested)}; ${publishedCount} published (the rest had nothing to change) in ${seconds(published)}, ${calls.length} calls (${[
      ...byOperation,
    ]
      .map(([name, n]) => `${name} ×${n}`)
      .join(', ')})`,
  };
}

/** Imports 10,000 listings (the CSV path, no API calls), then scrolls the table frame by frame. */
async function benchScroll(shop: Page): Promise<BenchRow> {
  const rows = generateShopListings({ count: SCROLL_ROWS, seed: 99 }).map((l) => ({
    LISTING_ID: l.listing_id,
    TITLE: l.title,
    DESCRIPTION: l.description,
    TAGS: l.tags.join(','),
    MATERIALS: l.materials.join(','),
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'bench-shop-')), 'listings.csv');
  writeFileSync(path, Papa.unparse(rows));
  await shop.getByTestId('csv-file').setInputFiles(path);
  await shop.getByText(`Imported ${formatCount(SCROLL_ROWS).replace(',', '')} listings`).waitFor({
    timeout: 60_000,
  });
  const frames = await shop.evaluate(async (count) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="audit-scroller"]')!;
    const intervals: number[] = [];
    let last = performance.now();
    for (let i = 0; i < count; i++) {
      scroller.scrollTop += 240;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  }, SCROLL_FRAMES);
  return {
    measure: `Scroll frame time, ${formatCount(SCROLL_ROWS)} rows (${SCROLL_FRAMES} frames)`,
    value: `median ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
  };
}
