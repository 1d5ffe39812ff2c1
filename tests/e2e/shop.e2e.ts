import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { EDITOR_URL, expect, panelFrame, test } from './fixtures';
import { connect } from './helpers/etsy';
import { MACRAME_TAGS } from '../peers/model-answers';
import { repoFilePath } from '../peers/reference';

const csvFixture = (name: string) => repoFilePath(`fixtures/shop-csv/${name}`);

async function openShop(context: BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/shop.html${hash}`);
  return page;
}

const rows = (shop: Page) => shop.getByTestId('audit-row');

test.describe('without a connection', () => {
  test('asks to connect (not an error), and an unknown route offers a way back', async ({
    context,
    extensionId,
  }) => {
    const shop = await openShop(context, extensionId);
    await expect(shop.getByTestId('connect-prompt')).toContainText(
      'Connect your shop to see every listing',
    );
    await expect(shop.getByRole('alert')).toHaveCount(0);
    await shop.goto(`chrome-extension://${extensionId}/shop.html#/no/such/page`);
    await expect(shop.getByTestId('not-found')).toContainText('“/no/such/page”');
    await shop.getByRole('link', { name: 'Back to all listings' }).click();
    await expect(shop.getByTestId('connect-prompt')).toBeVisible();
  });

  test('imports Etsy’s listings CSV, an odd file, and refuses a bad one keeping the audit', async ({
    context,
    extensionId,
  }) => {
    const shop = await openShop(context, extensionId);
    const file = shop.getByTestId('csv-file');
    await file.setInputFiles(csvFixture('etsy-listings.csv'));
    await expect(shop.getByTestId('csv-imported')).toHaveText(
      'Imported 3 listings from etsy-listings.csv.',
    );
    await expect(shop.getByTestId('csv-columns')).toContainText(
      'Columns found: TITLE, DESCRIPTION, TAGS, MATERIALS, PRICE, SKU. Not in this file: LISTING_ID.',
    );
    await expect(rows(shop)).toHaveCount(3);
    // Worst first by default; the chosen row opens Etsy's listings searched by its title.
    await expect(rows(shop).first().getByTestId('audit-title')).toHaveText('Soy Candle');
    await rows(shop).first().getByTestId('audit-title').click();
    await expect(shop.getByTestId('open-in-editor')).toHaveAttribute(
      'href',
      'https://www.etsy.com/your/shops/me/tools/listings?search_query=Soy+Candle',
    );
    await expect(shop.getByTestId('publish-needs-api')).toContainText(
      'needs the Etsy API connection',
    );

    await file.setInputFiles(csvFixture('odd-columns.csv'));
    await expect(shop.getByTestId('csv-imported')).toHaveText(
      'Imported 2 listings from odd-columns.csv. 1 line without a title left out.',
    );
    await expect(shop.getByTestId('csv-columns')).toContainText(
      'TITLE (as “Listing Title”), TAGS (as “Keywords”), PRICE, LISTING_ID (as “Listing ID”). Not in this file: DESCRIPTION, MATERIALS, SKU.',
    );
    await expect(rows(shop)).toHaveCount(2);

    const dir = mkdtempSync(join(tmpdir(), 'shop-csv-'));
    const bad: [string, Buffer | string, RegExp][] = [
      ['not-listings.txt', readFileSync(csvFixture('not-listings.txt')), /no TITLE column/],
      ['empty.csv', '', /is empty/],
      [
        'photo.csv',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]),
        /binary file/,
      ],
      ['huge.csv', Buffer.alloc(50 * 1024 * 1024, 'a'), /50 MB, too big/],
    ];
    for (const [name, content, message] of bad) {
      const path = join(dir, name);
      writeFileSync(path, content);
      await file.setInputFiles(path);
      await expect(shop.getByTestId('csv-error')).toContainText(message);
      await expect(shop.getByTestId('csv-error')).toContainText('Your audit is unchanged.');
      await expect(rows(shop)).toHaveCount(2);
    }
    // The cache is untouched too: reopening shows the odd file's two listings.
    await shop.reload();
    await expect(rows(shop)).toHaveCount(2);
    await expect(shop.getByTestId('cache-time')).toContainText('Listings from odd-columns.csv');
  });
});

test('the panel’s All listings opens the shop page', async ({ page, context }) => {
  await page.goto(EDITOR_URL);
  const opened = context.waitForEvent('page');
  await panelFrame(page).getByRole('button', { name: 'All listings' }).click();
  const shop = await opened;
  await expect(shop).toHaveURL(/^chrome-extension:\/\/[a-p]{32}\/shop\.html$/);
  await expect(shop.getByRole('heading', { name: 'Shop audit' })).toBeVisible();
});

test.describe('connected to a shop of 2,500 listings', () => {
  /** The generated 2,500 plus the fake's seed listings. */
  let all = 0;
  const allText = () => all.toLocaleString('en-US');
  test.beforeEach(async ({ etsy, openExtensionPage }) => {
    etsy.api.stockShop({ count: 2500 });
    all = etsy.api.listings.size;
    const popup = await connect(etsy, openExtensionPage);
    await popup.close();
  });

  test('loads with progress, then sorts, filters and exports; reopening shows the cache', async ({
    context,
    etsy,
    openExtensionPage,
  }) => {
    etsy.api.latency = { minMs: 100, maxMs: 200 };
    const popup = await openExtensionPage('popup.html');
    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Shop audit' }).click();
    const shop = await opened;
    const progress = shop.getByTestId('load-progress');
    await expect(progress).toContainText(
      new RegExp(`Loading listings from Etsy: [\\d,]+ of ${allText()}`),
    );
    // Rows are there before the load ends.
    await expect(rows(shop).first()).toBeVisible();
    await expect(progress).toBeVisible();
    await expect(shop.getByTestId('load-done')).toContainText(`Loaded ${allText()} listings.`);
    const calls = etsy.api.callsTo('getListingsByShop');
    const used = /(\d+) Etsy API calls used; ([\d,]+) of 10,000 left today/.exec(
      (await shop.getByTestId('load-done').textContent())!,
    )!;
    expect(Number(used[1])).toBe(calls.length);
    // Etsy's own count: this load plus the few calls connecting made.
    const left = Number(used[2]!.replace(',', ''));
    expect(10_000 - left).toBeGreaterThanOrEqual(calls.length);
    expect(10_000 - left).toBeLessThan(calls.length + 10);
    expect(calls.every((call) => call.request.query.limit === '100')).toBe(true);
    await expect(shop.getByTestId('shown-count')).toHaveText(`${all} listings`);

    // Sorted worst first; clicking Score sorts best first.
    const scores = async () =>
      (await rows(shop).getByTestId('audit-score').allTextContents()).map(Number);
    const worst = await scores();
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    await shop.getByRole('button', { name: /^Score/ }).click();
    await expect(shop.getByRole('columnheader', { name: /Score/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const best = await scores();
    expect(best).toEqual([...best].sort((a, b) => b - a));
    expect(best[0]).toBeGreaterThan(worst[0]!);

    await shop.getByLabel('State').selectOption('draft');
    const drafts = [...etsy.api.listings.values()].filter((l) => l.state === 'draft').length;
    await expect(shop.getByTestId('shown-count')).toHaveText(`${drafts} of ${all} listings`);
    expect(new Set(await rows(shop).getByTestId('audit-state').allTextContents())).toEqual(
      new Set(['draft']),
    );
    await shop.getByRole('searchbox', { name: 'Search' }).fill('candle');
    const candles = [...etsy.api.listings.values()].filter(
      (l) =>
        l.state === 'draft' &&
        (l.title.toLowerCase().includes('candle') || l.tags.some((t) => t.includes('candle'))),
    );
    await expect(shop.getByTestId('shown-count')).toHaveText(
      `${candles.length} of ${all} listings`,
    );

    const download = shop.waitForEvent('download');
    await shop.getByRole('button', { name: 'Export CSV' }).click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    const table = Papa.parse<string[]>(exported, { skipEmptyLines: true }).data;
    expect(table[0]).toEqual(['listing_id', 'url', 'title', 'state', 'score', 'findings', 'tags']);
    expect(table).toHaveLength(candles.length + 1);
    const first = table[1]!;
    const listing = etsy.api.listings.get(Number(first[0]))!;
    expect(first.slice(1, 4)).toEqual([
      `https://www.etsy.com/listing/${listing.listing_id}`,
      listing.title,
      'draft',
    ]);
    expect(first[6]).toBe(listing.tags.join(', '));

    // Reopened: the cache at once, with its time and Refresh; no new call.
    const before = etsy.api.callsTo('getListingsByShop').length;
    await shop.reload();
    await expect(shop.getByTestId('cache-time')).toContainText('Listings as loaded from Etsy');
    await expect(shop.getByTestId('shown-count')).toHaveText(`${all} listings`);
    await expect(shop.getByRole('button', { name: 'Refresh from Etsy' })).toBeVisible();
    expect(etsy.api.callsTo('getListingsByShop')).toHaveLength(before);
  });

  test('a failing page keeps the listings that loaded, names the part, and retries from there', async ({
    context,
    extensionId,
    etsy,
  }) => {
    etsy.api.failingPage = { state: 'active', offset: 300 };
    const shop = await openShop(context, extensionId);
    const error = shop.getByTestId('listing-load-error');
    await expect(error).toContainText('Couldn’t load active listings 301–400.');
    const kept = Number((await shop.getByTestId('shown-count').textContent())!.split(' ')[0]);
    expect(kept).toBeGreaterThan(300);
    await expect(rows(shop).first()).toBeVisible();
    await expect(error).toContainText(`${kept.toLocaleString('en-US')} listings loaded are kept.`);

    etsy.api.failingPage = null;
    const okBefore = etsy.api.callsTo('getListingsByShop').filter((c) => c.status === 200).length;
    await error.getByRole('button', { name: 'Retry from there' }).click();
    // The rest of the 2,500 loads at Etsy's pace, as in the first load.
    await expect(shop.getByTestId('load-done')).toContainText(`Loaded ${allText()} listings.`, {
      timeout: 30_000,
    });
    const retried = etsy.api
      .callsTo('getListingsByShop')
      .filter((c) => c.status === 200)
      .slice(okBefore)
      .map((c) => `${c.request.query.state}@${c.request.query.offset}`);
    expect(retried[0]).toBe('active@300');
    await expect(shop.getByTestId('listing-load-error')).toHaveCount(0);
    await expect(shop.getByTestId('shown-count')).toHaveText(`${all} listings`);
  });

  test('fixing one listing: suggest, publish with a toast and a new score, revert; a model error stays on the right', async ({
    context,
    extensionId,
    etsy,
    ollama,
  }) => {
    const shop = await openShop(context, extensionId);
    await expect(shop.getByTestId('load-done')).toBeVisible({ timeout: 30_000 });
    await shop.getByRole('searchbox', { name: 'Search' }).fill('1234567890');
    await expect(rows(shop)).toHaveCount(1);
    const row = rows(shop).first();
    const scoreBefore = Number(await row.getByTestId('audit-score').textContent());

    // A model that fails: the error shows on the right only; the list stays.
    ollama.script = {
      reply: () => '{"title": {"value": "x"',
      chunkSize: 4,
      chunkDelayMs: 2,
      failAfterChunks: 3,
    };
    await row.getByTestId('audit-title').click();
    const detail = shop.getByTestId('listing-detail');
    await expect(detail.getByTestId('open-in-editor')).toHaveAttribute(
      'href',
      'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890',
    );
    await detail.getByRole('button', { name: 'Suggest improvements' }).click();
    await expect(detail.getByTestId('suggest-error')).toBeVisible();
    await expect(shop.getByTestId('listing-load-error')).toHaveCount(0);
    await shop.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(shop.getByTestId('shown-count')).toHaveText(`${all} listings`);
    // Another listing: the error is gone.
    await rows(shop).nth(1).getByTestId('audit-title').click();
    await expect(shop.getByTestId('suggest-error')).toHaveCount(0);

    const newTitle = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
    ollama.script = {
      reply: () =>
        JSON.stringify({
          title: { value: newTitle, reasons: ['Leads with the item'] },
          tags: MACRAME_TAGS.map((value) => ({ value, reason: 'buyer search phrase' })),
          description: { value: 'unused', reasons: [] },
        }),
      chunkSize: 60,
      chunkDelayMs: 2,
    };
    await shop.goto(`chrome-extension://${extensionId}/shop.html#/listing/1234567890`);
    await detail.getByRole('button', { name: 'Suggest improvements' }).click();
    await expect(detail.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
    // The panel's safe defaults: a title Etsy accepts changes only when the seller ticks it.
    await detail.getByRole('checkbox', { name: 'Use this title' }).check();
    await detail.getByRole('checkbox', { name: 'Use this description' }).uncheck();
    await detail.getByRole('button', { name: 'Publish to Etsy' }).click();
    await expect(detail.getByTestId('publish-toast')).toContainText('Published to Etsy.');
    expect(etsy.api.listings.get(1234567890)!.title).toBe(newTitle);
    await shop.getByRole('searchbox', { name: 'Search' }).fill('1234567890');
    const scoreAfter = Number(await rows(shop).first().getByTestId('audit-score').textContent());
    expect(scoreAfter).toBeGreaterThan(scoreBefore);
    await expect(rows(shop).first().getByTestId('audit-title')).toHaveText(newTitle);

    await detail.getByTestId('publish-toast').getByRole('button', { name: 'Revert' }).click();
    await expect(detail.getByTestId('publish-toast')).toContainText('Reverted');
    await expect(rows(shop).first().getByTestId('audit-score')).toHaveText(String(scoreBefore));
    expect(etsy.api.listings.get(1234567890)!.title).not.toBe(newTitle);
  });
});
