import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connect } from './helpers/etsy';
import { saveModelSettings } from './helpers/model-settings';

/** Bulk fixing from the shop page: suggest (offline), review by keyboard, publish, revert all. */

async function openLoadedShop(context: BrowserContext, extensionId: string): Promise<Page> {
  const shop = await context.newPage();
  await shop.goto(`chrome-extension://${extensionId}/shop.html`);
  await expect(shop.getByTestId('load-done')).toBeVisible({ timeout: 30_000 });
  return shop;
}

/** Snapshots the background has taken, read from the extension's IndexedDB (same origin as the page). */
function snapshotCount(shop: Page): Promise<number> {
  return shop.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('etsy-seo-copilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('snapshots').objectStore('snapshots').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

/** Selects the five lowest scores by hand and asks for suggestions. */
async function startBatchOfFive(shop: Page): Promise<string[]> {
  const rows = shop.getByTestId('audit-row');
  const keys: string[] = [];
  for (let i = 0; i < 5; i++) {
    await rows.nth(i).getByRole('checkbox').check();
    keys.push((await rows.nth(i).getAttribute('data-key'))!);
  }
  await expect(shop.getByTestId('selected-count')).toHaveText('5 selected');
  await shop.getByRole('button', { name: 'Suggest for selected' }).click();
  await expect(shop.getByTestId('batch-item')).toHaveCount(5);
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 0 published.');
  return keys;
}

/** Accepts each listing with the panel's safe defaults, from the keyboard. */
async function acceptAllByKeyboard(shop: Page) {
  for (let i = 1; i <= 5; i++) {
    const review = shop.getByTestId('batch-review');
    await expect(review).toHaveAttribute('aria-label', new RegExp(`^Review ${i} of 5`));
    await expect(review).toBeFocused();
    await shop.keyboard.press('a');
  }
  await expect(shop.getByTestId('batch-summary')).toHaveText('5 accepted, 0 published.');
}

test.beforeEach(async ({ etsy, openExtensionPage, serviceWorker }) => {
  etsy.api.stockShop({ count: 300, seed: 21 });
  await saveModelSettings(serviceWorker, { provider: 'offline' });
  const popup = await connect(etsy, openExtensionPage);
  await popup.close();
});

test('a batch of 5: suggest, review by keyboard, publish each within the rate limit, revert the batch', async ({
  context,
  extensionId,
  etsy,
}) => {
  const shop = await openLoadedShop(context, extensionId);
  const keys = await startBatchOfFive(shop);
  const before = new Map(
    keys.map((key) => [key, structuredClone(etsy.api.listings.get(Number(key))!)]),
  );

  // Skip then go back: the keyboard moves between listings.
  await shop.keyboard.press('s');
  await expect(shop.getByTestId('batch-review')).toHaveAttribute('aria-label', /^Review 2 of 5/);
  await shop.keyboard.press('p');
  await expect(shop.getByTestId('batch-review')).toHaveAttribute('aria-label', /^Review 1 of 5/);
  await acceptAllByKeyboard(shop);

  // One listing changes on Etsy after it was loaded: its publish is refused, not forced.
  const changedOnEtsy = Number(keys[4]);
  etsy.api.listings.get(changedOnEtsy)!.title = 'Edited on Etsy meanwhile';
  const patchesBefore = etsy.api.callsTo('updateListing').length;
  // The batch's own requests (setup's connect and the shop load went before it).
  const publishFrom = etsy.api.requests.length;
  await shop.getByRole('button', { name: 'Publish accepted (5)' }).click();
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 4 published.');
  const patches = etsy.api.callsTo('updateListing').slice(patchesBefore);
  expect(patches).toHaveLength(4);
  const stages = shop.getByTestId('batch-stage');
  await expect(stages.nth(4)).toHaveText('not published: changed on Etsy');
  const text = (l: { title: string; tags: string[]; description: string }) => [
    l.title,
    l.tags,
    l.description,
  ];
  for (const key of keys.slice(0, 4)) {
    expect(text(etsy.api.listings.get(Number(key))!)).not.toEqual(text(before.get(key)!));
  }
  // Etsy's own window never saw more than its 10 requests a second while the batch published.
  const times = etsy.api.requests.slice(publishFrom).map((request) => request.at);
  expect(times.every((at) => times.filter((t) => t > at - 1000 && t <= at).length <= 10)).toBe(
    true,
  );

  // Etsy changes one published listing again; reverting reports it and leaves it alone.
  const editedAfter = Number(keys[3]);
  // (a field the batch wrote: revert compares what it sent)
  const sent = new URLSearchParams(patches[3]!.request.body);
  expect(sent.has('tags')).toBe(true);
  etsy.api.listings.get(editedAfter)!.tags = ['seller edited'];
  await shop.getByRole('button', { name: 'Revert this batch' }).click();
  await expect(shop.getByTestId('batch-summary')).toHaveText(
    '0 accepted, 0 published, 3 reverted.',
  );
  await expect(stages.nth(3)).toHaveText('not reverted: changed on Etsy');
  for (const key of keys.slice(0, 3)) {
    const now = etsy.api.listings.get(Number(key))!;
    const then = before.get(key)!;
    expect([now.title, now.tags, now.description]).toEqual([
      then.title,
      then.tags,
      then.description,
    ]);
  }
  expect(etsy.api.listings.get(editedAfter)!.tags).toEqual(['seller edited']);
  expect(etsy.api.listings.get(changedOnEtsy)!.title).toBe('Edited on Etsy meanwhile');
});

test('the worker stopped mid-batch: the batch survives, reports the listing that was cut off, and finishes without sending twice', async ({
  context,
  extensionId,
  etsy,
}) => {
  const shop = await openLoadedShop(context, extensionId);
  const keys = await startBatchOfFive(shop);
  await acceptAllByKeyboard(shop);

  // Etsy is slow; the worker is stopped while the second publish waits for its answer.
  etsy.api.delay('updateListing', 1_500);
  await shop.getByRole('button', { name: 'Publish accepted (5)' }).click();
  // The second publish has taken its snapshot and is waiting for Etsy.
  await expect.poll(() => snapshotCount(shop), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => etsy.api.arrivals('updateListing')).toBe(2);
  const cdp = await context.newCDPSession(shop);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();

  // The cut-off listing is reported; the others go on once the worker wakes again.
  await expect(shop.getByTestId('batch-item').nth(1)).toHaveAttribute(
    'data-stage',
    'publish-failed',
  );
  await expect(shop.getByTestId('batch-item').nth(1)).toContainText(
    'connection to the extension was lost',
  );
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 4 published.', {
    timeout: 30_000,
  });

  // Reopened: the batch is still there, from IndexedDB.
  await shop.reload();
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 4 published.');
  etsy.api.delay('updateListing', 0);
  const applied = etsy.api.appliedUpdates;
  await shop.getByRole('button', { name: 'Publish the 1 that failed again' }).click();
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 5 published.');
  // Etsy had applied the cut-off publish already: nothing was sent twice.
  expect(etsy.api.appliedUpdates).toBe(applied);
  for (const key of keys)
    expect(etsy.api.listings.get(Number(key))!.last_modified_timestamp).toBeGreaterThan(
      1_767_000_000,
    );
});

test('cancel all while the model is still suggesting: every run stops at the model, nothing is accepted or sent', async ({
  context,
  extensionId,
  etsy,
  ollama,
  serviceWorker,
}) => {
  await saveModelSettings(serviceWorker, { provider: 'ollama', model: 'llama3.2' });
  // A slow model: each answer takes seconds to stream.
  ollama.script = {
    reply: () => JSON.stringify({ title: { value: 'x'.repeat(400) } }),
    chunkSize: 4,
    chunkDelayMs: 100,
  };
  const shop = await openLoadedShop(context, extensionId);
  const rows = shop.getByTestId('audit-row');
  for (let i = 0; i < 5; i++) await rows.nth(i).getByRole('checkbox').check();
  await shop.getByRole('button', { name: 'Suggest for selected' }).click();
  await expect(shop.getByTestId('batch-summary')).toContainText('Suggesting: 0 of 5 done.');
  await expect.poll(() => ollama.chats.length).toBeGreaterThan(0);

  await shop.getByRole('button', { name: 'Cancel all' }).click();
  const items = shop.getByTestId('batch-item');
  await expect(items).toHaveCount(5);
  for (let i = 0; i < 5; i++) await expect(items.nth(i)).toHaveAttribute('data-stage', 'skipped');
  await expect(shop.getByTestId('batch-summary')).toHaveText('0 accepted, 0 published.');
  await expect(shop.getByRole('button', { name: 'Cancel all' })).toHaveCount(0);
  // Every chat that reached the model was stopped there; the queued ones never started.
  await expect.poll(() => ollama.cancelledChats).toBe(ollama.chats.length);
  await expect(shop.getByRole('button', { name: 'Publish accepted (0)' })).toBeDisabled();
  expect(ollama.chats.length).toBe(ollama.cancelledChats);
  expect(etsy.api.callsTo('updateListing')).toHaveLength(0);
});
