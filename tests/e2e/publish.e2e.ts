import type { Worker } from '@playwright/test';
import { EDITOR_URL, panelFrame, expect, test } from './fixtures';
import { connect } from './helpers/etsy';
import { readStore } from './helpers/extension-db';
import { MACRAME_TAGS } from '../peers/model-answers';

const LISTING_ID = 1234567890;
const NEW_TITLE = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
const ANSWER = JSON.stringify({
  title: { value: NEW_TITLE, reasons: ['Leads with the item'] },
  tags: MACRAME_TAGS.map((value) => ({ value, reason: 'buyer search phrase' })),
  description: { value: 'unused', reasons: [] },
});

const snapshots = (worker: Worker) =>
  readStore<{ status: string; before: unknown }>(worker, 'snapshots');

test.beforeEach(async ({ etsy, ollama, openExtensionPage }) => {
  ollama.script = { reply: () => ANSWER, chunkSize: 60, chunkDelayMs: 2 };
  const popup = await connect(etsy, openExtensionPage);
  await popup.close();
});

/**
 * The listing's tags after the review's defaults: the seller's five stay, the first eight new
 * ones fill the empty slots.
 */
const APPLIED_TAGS = [
  ...[
    'macrame wall hanging',
    'boho wall decor',
    'cotton rope',
    'handmade tapestry',
    'nursery decor',
  ],
  ...MACRAME_TAGS.filter((t) => !['macrame wall hanging', 'boho wall decor'].includes(t)).slice(
    0,
    8,
  ),
];

/** Opens the editor, asks for suggestions, keeps the suggested title and the default tags. */
async function reviewSuggestions(page: import('@playwright/test').Page) {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  // A title Etsy accepts is never changed by default: the seller ticks it.
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).uncheck();
  return panel;
}

test('publish sends exactly the changed fields, keeps a snapshot, and revert restores it', async ({
  page,
  etsy,
  serviceWorker,
}) => {
  const original = structuredClone(etsy.api.listings.get(LISTING_ID)!);
  const panel = await reviewSuggestions(page);
  await expect(panel.getByText('Sends only: title, tags')).toBeVisible();
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy');

  const [patch, ...more] = etsy.api.callsTo('updateListing');
  expect(more).toHaveLength(0);
  const form = new URLSearchParams(patch!.request.body);
  expect([...form.keys()].sort()).toEqual(['tags', 'title']);
  expect(form.get('title')).toBe(NEW_TITLE);
  expect(form.get('tags')).toBe(APPLIED_TAGS.join(','));
  // One read when the panel opened, one for the conflict check, one write.
  expect(etsy.api.callsTo('getListing')).toHaveLength(2);
  expect(etsy.api.listings.get(LISTING_ID)!.title).toBe(NEW_TITLE);

  const [snapshot] = await snapshots(serviceWorker);
  expect(snapshot).toMatchObject({
    status: 'published',
    before: { title: original.title, tags: original.tags, description: original.description },
  });

  await panel.getByRole('button', { name: 'Revert' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Reverted');
  const restored = etsy.api.listings.get(LISTING_ID)!;
  expect(restored.title).toBe(original.title);
  expect(restored.tags).toEqual(original.tags);
  expect(restored.description).toBe(original.description);
});

test('publish refuses to overwrite a listing that changed on Etsy, and shows what changed', async ({
  page,
  etsy,
}) => {
  const panel = await reviewSuggestions(page);
  etsy.api.listings.get(LISTING_ID)!.title = 'Edited in the Etsy app meanwhile';
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  const conflict = panel.getByTestId('publish-conflict');
  await expect(conflict).toContainText('changed on Etsy since you opened it');
  await expect(conflict).toContainText('Edited in the Etsy app meanwhile');
  expect(etsy.api.callsTo('updateListing')).toHaveLength(0);
});

test('a failed publish shows its own error, keeps the choices, and clears on retry', async ({
  page,
  etsy,
}) => {
  const panel = await reviewSuggestions(page);
  await panel.getByRole('checkbox', { name: '+ fiber art' }).uncheck();
  etsy.api.limits.titleLength = 20; // Etsy refuses the title with its own validation error.
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  const error = panel.getByTestId('publish-error');
  await expect(error).toContainText('title');
  await expect(error).toContainText('Your choices are kept');
  await expect(panel.getByTestId('score')).toBeVisible();
  await expect(panel.getByTestId('review-title')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: '+ fiber art' })).not.toBeChecked();

  etsy.api.limits.titleLength = 140;
  await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy');
  await expect(panel.getByTestId('publish-error')).toHaveCount(0);
  expect(etsy.api.listings.get(LISTING_ID)!.tags).not.toContain('fiber art');
});

test('a listing that fails to load says so in its own place and clears on retry', async ({
  page,
  etsy,
}) => {
  etsy.api.failNext(4, 503);
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const error = panel.getByTestId('load-error');
  await expect(error).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('score')).toBeVisible();
  etsy.api.failNext(0); // Etsy recovers; the seller retries.
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByTestId('load-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeVisible();
});

test('while Etsy is still reading the listing, the publish area says so instead of vanishing', async ({
  page,
  etsy,
}) => {
  etsy.api.delay('getListing', 4_000);
  const panel = await reviewSuggestions(page);
  await expect(
    panel.getByRole('status').filter({ hasText: 'Reading this listing as Etsy has it saved' }),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(panel.getByText('Reading this listing as Etsy has it saved')).toHaveCount(0);
});

test('two tabs publishing the same listing at once: one wins, the other is told what changed', async ({
  context,
  page,
  etsy,
}) => {
  // Tab A sends title and tags; tab B, opened on the same listing, sends tags and description.
  const tabA = await reviewSuggestions(page);
  const pageB = await context.newPage();
  await pageB.goto(EDITOR_URL);
  const tabB = panelFrame(pageB);
  await tabB.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(tabB.getByTestId('engine')).toContainText('By: Ollama (llama3.2)');
  // The review leaves the title and description as they are unless the seller ticks them.
  await tabB.getByRole('checkbox', { name: 'Use this description' }).check();
  await expect(tabB.getByText('Sends only: description, tags')).toBeVisible();

  await Promise.all([
    tabA.getByRole('button', { name: 'Publish to Etsy' }).click(),
    tabB.getByRole('button', { name: 'Publish to Etsy' }).click(),
  ]);
  const outcome = async (panel: typeof tabA) => {
    const published = panel.getByTestId('publish-toast');
    const conflict = panel.getByTestId('publish-conflict');
    await expect(published.or(conflict)).toBeVisible();
    return (await published.isVisible()) ? 'published' : 'conflict';
  };
  const outcomes = [await outcome(tabA), await outcome(tabB)];
  expect([...outcomes].sort()).toEqual(['conflict', 'published']);
  expect(etsy.api.callsTo('updateListing')).toHaveLength(1);
  const loser = outcomes[0] === 'conflict' ? tabA : tabB;
  // The loser is told which of its starting values Etsy no longer has.
  const conflict = loser.getByTestId('publish-conflict');
  await expect(conflict).toContainText('changed on Etsy since you opened it');
  await expect(conflict).toContainText(
    outcomes[0] === 'conflict' ? 'Tags on Etsy is now' : `Title on Etsy is now “${NEW_TITLE}”`,
  );
});
