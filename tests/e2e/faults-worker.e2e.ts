import type { BrowserContext, Page, Worker } from '@playwright/test';
import { EDITOR_URL, panelFrame, expect, test } from './fixtures';
import { saveModelSettings } from './helpers/model-settings';
import { MACRAME_TAGS } from '../peers/model-answers';
import { connect } from './helpers/etsy';
import { readStore } from './helpers/extension-db';

/**
 * The service worker stopped mid-generation and mid-publish. Chrome stops an idle or
 * misbehaving worker at any time; the panel must recover with a clear message and keep
 * the tokens, snapshots and cached suggestions. Covered elsewhere: a stopped worker
 * waking for a run over the port (model.e2e.ts) and the connection surviving a fresh
 * worker in the popup (etsy-connection.e2e.ts).
 */

const LISTING_ID = 1234567890;
/** Pinned by the manifest key (see README, "A stable extension id"). */
const EXTENSION_ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const NEW_TITLE = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
const ANSWER = JSON.stringify({
  title: { value: NEW_TITLE, reasons: ['Leads with the item'] },
  tags: MACRAME_TAGS.map((value) => ({ value, reason: 'buyer search phrase' })),
  description: { value: 'unused', reasons: [] },
});

interface SnapshotRow {
  id: number;
  listingId: number;
  status: string;
  before: { title: string; tags: string[]; description: string };
}

/** The extension's IndexedDB, read from whichever worker is running now. */
async function snapshots(context: BrowserContext): Promise<SnapshotRow[]> {
  return readStore<SnapshotRow>(await currentWorker(context), 'snapshots');
}

/** A running worker: wakes one (by opening an extension page) when none is. */
async function currentWorker(context: BrowserContext): Promise<Worker> {
  const alive = await firstAlive(context);
  if (alive) return alive;
  const waker = await context.newPage();
  try {
    await waker.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    // The popup showing the background's answer proves a worker runs again.
    await expect(waker.getByTestId('etsy-connection')).not.toHaveText('Checking…');
    const woken = await firstAlive(context);
    if (!woken) throw new Error('the popup got an answer, yet no service worker answers');
    return woken;
  } finally {
    await waker.close();
  }
}

async function firstAlive(context: BrowserContext): Promise<Worker | null> {
  for (const worker of context.serviceWorkers().toReversed()) {
    if (await answers(worker)) return worker;
  }
  return null;
}

/**
 * Whether a worker Playwright still lists is alive. One stopped over CDP may neither close
 * nor answer (there is no event for it), so it has half a second to answer.
 */
function answers(worker: Worker): Promise<boolean> {
  return Promise.race([
    worker.evaluate(() => true).catch(() => false),
    new Promise<false>((resolve) => worker.once('close', () => resolve(false))),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 500)),
  ]);
}

async function stopWorkers(context: BrowserContext, on: Page): Promise<void> {
  const cdp = await context.newCDPSession(on);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test.beforeEach(async ({ etsy, openExtensionPage, serviceWorker }) => {
  await saveModelSettings(serviceWorker, { provider: 'ollama', ollamaModel: 'llama3.2' });
  const popup = await connect(etsy, openExtensionPage);
  await popup.close();
});

async function expectStillConnected(
  etsy: import('../peers/etsy/server').FakeEtsy,
  openExtensionPage: (path: 'popup.html' | 'options.html') => Promise<Page>,
) {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
  // No new consent and no refresh: the stored tokens were used.
  expect(etsy.api.tokenRequests).toBe(1);
  await popup.close();
}

test('worker stopped mid-generation: the panel says the connection was lost, a retry works, the answer is cached', async ({
  page,
  context,
  etsy,
  ollama,
  openExtensionPage,
}) => {
  ollama.script = { reply: () => ANSWER, chunkSize: 8, chunkDelayMs: 60 };
  const controls = await openExtensionPage('options.html');
  await page.bringToFront();
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const score = panel.getByTestId('score');
  await expect(score).toBeVisible();
  const grade = await score.textContent();

  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('suggest-progress')).toBeVisible();
  await stopWorkers(context, controls);

  const error = panel.getByTestId('suggest-error');
  await expect(error).toHaveAttribute('data-code', 'connection-lost');
  await expect(error).toContainText(
    'The connection to the extension was lost before the suggestions finished.',
  );
  await expect(error).toContainText('Try again.');
  await expect(score).toHaveText(grade!);
  await expect.poll(() => ollama.cancelledChats).toBe(1);

  // Retry: a fresh worker answers in full.
  ollama.script = { reply: () => ANSWER, chunkSize: 60, chunkDelayMs: 2 };
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await expect(panel.getByTestId('suggest-error')).toHaveCount(0);
  const chats = ollama.chats.length;

  // The cached answer survives another stop: asking again on a fresh panel needs no model.
  await stopWorkers(context, controls);
  await page.reload();
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2) (saved answer)');
  expect(ollama.chats).toHaveLength(chats);
  await expectStillConnected(etsy, openExtensionPage);
});

test('worker stopped mid-publish: the panel says so, the snapshot survives, and publishing again sends nothing twice', async ({
  page,
  context,
  etsy,
  ollama,
  openExtensionPage,
}) => {
  const original = structuredClone(etsy.api.listings.get(LISTING_ID)!);
  ollama.script = { reply: () => ANSWER, chunkSize: 60, chunkDelayMs: 2 };
  const controls = await openExtensionPage('options.html');
  await page.bringToFront();
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).uncheck();
  await panel.getByRole('checkbox', { name: '+ fiber art' }).uncheck();

  // Etsy is slow to answer the PATCH; the worker is stopped while it waits.
  etsy.api.delay('updateListing', 2_000);
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect.poll(async () => (await snapshots(context)).length).toBe(1);
  // The PATCH has reached Etsy, which holds it: the worker goes while it waits for the answer.
  await expect.poll(() => etsy.api.arrivals('updateListing')).toBe(1);
  await stopWorkers(context, controls);

  // Before the fix the panel stayed on "Publishing…" forever.
  const error = panel.getByTestId('publish-error');
  await expect(error).toHaveAttribute('data-code', 'connection-lost');
  await expect(error).toContainText(
    'The connection to the extension was lost before Etsy answered, so the change may or may not have been made.',
  );
  await expect(error).toContainText('if Etsy already has these changes, nothing is sent twice');
  await expect(error).toContainText('Your choices are kept');
  await expect(panel.getByRole('checkbox', { name: '+ fiber art' })).not.toBeChecked();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeEnabled();
  // Etsy got the request before the worker went away, and applied it.
  await expect.poll(() => etsy.api.appliedUpdates).toBe(1);

  // The snapshot of Etsy's old values survived the stop.
  const [kept] = await snapshots(context);
  expect(kept).toMatchObject({
    listingId: LISTING_ID,
    before: { title: original.title, tags: original.tags, description: original.description },
  });

  // Publishing again finds Etsy already has the changes: nothing is sent twice.
  etsy.api.delay('updateListing', 0);
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText(
    'Etsy already had these changes; nothing was sent twice.',
  );
  expect(etsy.api.appliedUpdates).toBe(1);
  const rows = await snapshots(context);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.status).toBe('published');

  // And Revert still restores the old values from that snapshot.
  await panel.getByTestId('publish-toast').getByRole('button', { name: 'Revert' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Reverted');
  expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(original.title);
  await expectStillConnected(etsy, openExtensionPage);
});
