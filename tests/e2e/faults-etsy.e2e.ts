import type { FrameLocator, Page, Worker } from '@playwright/test';
import { EDITOR_URL, panelFrame, expect, test } from './fixtures';
import { connect } from './helpers/etsy';
import { readStore } from './helpers/extension-db';
import { MACRAME_TAGS } from '../peers/model-answers';

/**
 * Etsy API faults as the seller meets them: from the panel (read and publish) and from
 * many callers at once. Each asserts nothing is lost (choices, snapshot, no double
 * publish) and that the panel says what to do. Covered elsewhere and not repeated here:
 * a revoked refresh token in the popup (etsy-connection.e2e.ts), a listing read failing
 * with 503s then retried (publish.e2e.ts), Etsy's validation error on publish
 * (publish.e2e.ts).
 */

const LISTING_ID = 1234567890;
const NEW_TITLE = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
const NEW_TAGS = MACRAME_TAGS;
const ANSWER = JSON.stringify({
  title: { value: NEW_TITLE, reasons: ['Leads with the item'] },
  tags: NEW_TAGS.map((value) => ({ value, reason: 'buyer search phrase' })),
  description: { value: 'unused', reasons: [] },
});

const NETWORK_MESSAGE = 'Could not reach Etsy. Check your connection and try again.';

interface SnapshotRow {
  id: number;
  listingId: number;
  status: string;
  before: { title: string; tags: string[]; description: string };
}

const snapshots = (worker: Worker) => readStore<SnapshotRow>(worker, 'snapshots');

test.beforeEach(async ({ etsy, ollama, openExtensionPage }) => {
  ollama.script = { reply: () => ANSWER, chunkSize: 60, chunkDelayMs: 2 };
  const popup = await connect(etsy, openExtensionPage);
  await popup.close();
});

/** Opens the editor, asks for suggestions, keeps the title and tags, drops "fiber art". */
async function reviewSuggestions(page: Page) {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).uncheck();
  await panel.getByRole('checkbox', { name: '+ fiber art' }).uncheck();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeEnabled();
  return panel;
}

/** The seller's review survived the failure: grade, suggestions and their own choices. */
async function expectChoicesKept(panel: FrameLocator) {
  await expect(panel.getByTestId('score')).toBeVisible();
  await expect(panel.getByTestId('review-title')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: '+ fiber art' })).not.toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Use this description' })).not.toBeChecked();
}

/** PATCHes the fake carried out, whatever answer reached the extension. */
function appliedUpdates(etsy: import('../peers/etsy/server').FakeEtsy): number {
  return etsy.api.appliedUpdates;
}

test('an expired token under 20 concurrent calls is refreshed exactly once, and all 20 succeed', async ({
  etsy,
  openExtensionPage,
}) => {
  const page = await openExtensionPage('options.html');
  const before = etsy.api.tokenRequests;
  const getMeBefore = etsy.api.callsTo('getMe').length;
  etsy.api.expireAccessTokens();
  // @webext-core/messaging's wire format: {id, type, data, timestamp} → {res} | {err}.
  const answers = await page.evaluate(() =>
    Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          chrome.runtime.sendMessage({
            id: 1000 + i,
            type: 'checkEtsyConnection',
            data: undefined,
            timestamp: Date.now(),
          }) as Promise<{ res?: { state: string }; err?: unknown }>,
      ),
    ),
  );
  expect(answers.map((a) => a.res?.state)).toEqual(Array(20).fill('connected'));
  expect(etsy.api.tokenRequests - before).toBe(1);
  const calls = etsy.api.callsTo('getMe').slice(getMeBefore);
  // Every call got its answer; the ones sent with the old token were refused once each.
  expect(calls.filter((r) => r.status === 200)).toHaveLength(20);
  expect(calls.every((r) => r.status === 200 || r.status === 401)).toBe(true);
});

test('a revoked refresh token seen from the panel: publish says reconnect, choices are kept', async ({
  page,
  etsy,
  openExtensionPage,
  serviceWorker,
}) => {
  const original = structuredClone(etsy.api.listings.get(LISTING_ID)!);
  const panel = await reviewSuggestions(page);
  etsy.api.revokeRefreshTokens();
  etsy.api.expireAccessTokens();
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  const error = panel.getByTestId('publish-error');
  await expect(error).toHaveAttribute('data-code', 'reconnect_needed');
  await expect(error).toContainText(
    'Etsy no longer accepts this extension’s access to your shop. Reconnect to continue.',
  );
  await expect(error).toContainText('Open the extension’s popup and click Reconnect.');
  await expect(error).toContainText('Your choices are kept');
  await expectChoicesKept(panel);
  expect(appliedUpdates(etsy)).toBe(0);
  expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(original.title);

  // Reconnect from the popup, then the same choices publish.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Reconnect needed');
  await popup.getByRole('button', { name: 'Reconnect' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
  await page.bringToFront();
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy');
  expect(appliedUpdates(etsy)).toBe(1);
  const live = etsy.api.listings.get(LISTING_ID)!;
  expect(live.title).toBe(NEW_TITLE);
  expect(live.tags).not.toContain('fiber art');
  const rows = await snapshots(serviceWorker);
  expect(rows.at(-1)).toMatchObject({ status: 'published', before: { title: original.title } });
});

test('a burst of 429s with Retry-After: the read and the publish wait and succeed, within the rate', async ({
  page,
  etsy,
}) => {
  const qps = 2;
  // The fixture's connect calls may still be inside Etsy's one-second window; at the lower
  // limit they would draw a rate-limit 429 before the client has seen the new limit.
  await expect.poll(() => etsy.api.sentThisSecond()).toBe(0);
  etsy.api.qps = qps;
  const from = etsy.api.responses.length;
  etsy.api.failNext(2, 429); // the panel's read: Retry-After 2 s each
  const panel = panelFrame(page);
  await page.goto(EDITOR_URL);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(panel.getByTestId('load-error')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).uncheck();

  etsy.api.failNext(1, 429); // the publish's conflict read
  const clicked = Date.now();
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy', {
    timeout: 15_000,
  });
  // It waited out Etsy's Retry-After: 2.
  expect(Date.now() - clicked).toBeGreaterThanOrEqual(1_900);
  await expect(panel.getByTestId('publish-error')).toHaveCount(0);
  expect(appliedUpdates(etsy)).toBe(1);
  expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(NEW_TITLE);

  const app = etsy.api.responses
    .slice(from)
    .filter((r) => r.request.path.startsWith('/v3/application/'));
  expect(app.filter((r) => r.status === 429)).toHaveLength(3); // only the ones we injected
  // Never more than `qps` requests in any one-second window, 429s included.
  const times = app.map((r) => r.request.at).sort((a, b) => a - b);
  for (const [i, at] of times.entries()) {
    const inWindow = times.slice(i).filter((t) => t - at < 1000).length;
    expect(inWindow, `requests in the second after ${at}`).toBeLessThanOrEqual(qps);
  }
});

test('dropped connections on the read: the panel says Etsy is unreachable, and Retry loads it', async ({
  page,
  etsy,
}) => {
  etsy.api.dropNext(100, { operationId: 'getListing' });
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const error = panel.getByTestId('load-error');
  await expect(error).toContainText(NETWORK_MESSAGE, { timeout: 20_000 });
  await expect(panel.getByTestId('score')).toBeVisible();
  etsy.api.dropNext(0);
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByTestId('load-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeVisible();
});

test('500s on the read are retried quietly; the panel loads without an error', async ({
  page,
  etsy,
}) => {
  etsy.api.failNext(2, 500);
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeVisible();
  await expect(panel.getByTestId('load-error')).toHaveCount(0);
  const reads = etsy.api.responses.filter((r) => r.request.path.includes('/listings/'));
  expect(reads.map((r) => r.status)).toEqual([500, 500, 200]);
});

const publishFaults: {
  name: string;
  arrange: (etsy: import('../peers/etsy/server').FakeEtsy) => void;
  code: string;
  message: string;
  /** Whether Etsy had already made the change when the answer was lost. */
  applied: boolean;
}[] = [
  {
    name: 'a 500 on the publish',
    arrange: (etsy) => etsy.api.failNextOf('updateListing', 1, 500),
    code: 'server',
    message: 'Etsy had a problem (500). Try again in a moment.',
    applied: false,
  },
  {
    name: 'a 500 answered after Etsy applied the publish',
    arrange: (etsy) => etsy.api.failNextOf('updateListing', 1, 500, { afterApplying: true }),
    code: 'server',
    message: 'Etsy had a problem (500). Try again in a moment.',
    applied: true,
  },
  {
    name: 'a connection reset before the publish reached Etsy',
    arrange: (etsy) => etsy.api.dropNext(1, { operationId: 'updateListing' }),
    code: 'network',
    message: NETWORK_MESSAGE,
    applied: false,
  },
  {
    name: 'a connection reset after Etsy applied the publish',
    arrange: (etsy) => etsy.api.dropNext(1, { operationId: 'updateListing', afterApplying: true }),
    code: 'network',
    message: NETWORK_MESSAGE,
    applied: true,
  },
];

for (const f of publishFaults) {
  test(`${f.name}: the seller sees it, the snapshot is kept, a retry publishes exactly once`, async ({
    page,
    etsy,
    serviceWorker,
  }) => {
    const original = structuredClone(etsy.api.listings.get(LISTING_ID)!);
    const panel = await reviewSuggestions(page);
    f.arrange(etsy);
    await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
    const error = panel.getByTestId('publish-error');
    await expect(error).toHaveAttribute('data-code', f.code);
    await expect(error).toContainText(f.message);
    await expect(error).toContainText('Your choices are kept');
    await expectChoicesKept(panel);
    // A write is never retried blindly.
    expect(appliedUpdates(etsy)).toBe(f.applied ? 1 : 0);
    expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(f.applied ? NEW_TITLE : original.title);

    const [kept] = await snapshots(serviceWorker);
    expect(kept).toMatchObject({
      listingId: LISTING_ID,
      status: 'failed',
      before: { title: original.title, tags: original.tags, description: original.description },
    });

    await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
    const toast = panel.getByTestId('publish-toast');
    await expect(toast).toContainText(
      f.applied
        ? 'Etsy already had these changes; nothing was sent twice.'
        : 'Published to Etsy. A snapshot of the old values was kept.',
    );
    await expect(panel.getByTestId('publish-error')).toHaveCount(0);
    // Applied exactly once, whichever way the first answer was lost.
    expect(appliedUpdates(etsy)).toBe(1);
    const live = etsy.api.listings.get(LISTING_ID)!;
    expect(live.title).toBe(NEW_TITLE);
    expect(live.tags).not.toContain('fiber art');

    // The original values are still on record, and Revert puts them back.
    const rows = await snapshots(serviceWorker);
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ status: 'published', before: { title: original.title } });
    await toast.getByRole('button', { name: 'Revert' }).click();
    await expect(panel.getByTestId('publish-toast')).toContainText('Reverted');
    expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(original.title);
    expect(etsy.api.listings.get(LISTING_ID)!.tags).toEqual(original.tags);
  });
}
