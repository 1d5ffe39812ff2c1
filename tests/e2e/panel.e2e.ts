import { EDITOR_URL, panelFrame, expect, test } from './fixtures';
import { MACRAME_TAGS } from '../peers/model-answers';

test('the grade updates live as the seller types into Etsy’s title field', async ({ page }) => {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const score = panel.getByTestId('score');
  await expect(score).toHaveText(/^\d+$/);
  const before = Number(await score.textContent());

  const title = page.locator('#listing-title-input');
  await title.fill('');
  await title.pressSequentially('Amazing best cheap sale wall hanging', { delay: 10 });
  await expect(panel.getByTestId('panel-title')).toHaveText('Amazing best cheap sale wall hanging');
  await expect(panel.getByTestId('findings-title')).toContainText('cheap');
  await expect.poll(async () => Number(await score.textContent())).toBeLessThan(before);
});

const MODEL_TITLE = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
/** The model's answer, with one tag Etsy would refuse (over 20 characters). */
const MODEL_ANSWER = JSON.stringify({
  title: { value: MODEL_TITLE, reasons: ['Leads with the item'] },
  tags: [
    ...MACRAME_TAGS.slice(0, 12).map((value) => ({ value, reason: 'buyer search phrase' })),
    { value: 'extra large macrame wall hanging art', reason: 'too long' },
    { value: MACRAME_TAGS[12], reason: 'buyer search phrase' },
  ],
  description: {
    value: 'A large handmade macrame wall hanging, knotted from soft natural cotton rope.',
    reasons: ['The first sentence says what it is'],
  },
});

test('suggestions stream from Ollama, name the engine, and fill into Etsy’s own form', async ({
  page,
  ollama,
}) => {
  ollama.script = { reply: () => MODEL_ANSWER, chunkSize: 12, chunkDelayMs: 30 };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();

  // Progress arrives field by field while the model is still writing.
  await expect(panel.getByTestId('suggest-progress')).toContainText('Title: done');
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await expect(panel.getByTestId('repair-notes')).toContainText(
    'extra large macrame wall hanging art',
  );
  await expect(panel.getByTestId('review-title')).toContainText('Large');
  // Not connected to Etsy: no publish button that could not work.
  await expect(panel.getByRole('button', { name: 'Publish to Etsy' })).toHaveCount(0);

  // Nothing the seller wrote is changed by default: their title is valid, so it waits for them.
  const useTitle = panel.getByRole('checkbox', { name: 'Use this title' });
  await expect(useTitle).not.toBeChecked();
  await useTitle.check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).check();
  // Reject one added tag; keep the rest.
  await panel.getByRole('checkbox', { name: '+ fiber art' }).uncheck();
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');

  // The fixture's own form state shows the change, as Etsy's would.
  await expect(page.locator('#save-state')).toHaveText('You changed: Title, Description, Tags');
  const state = JSON.parse((await page.locator('#fixture-debug').textContent()) ?? '{}') as {
    state: { title: string; tags: string[] };
  };
  expect(state.state.title).toBe(MODEL_TITLE);
  // The seller's 5 tags all stay; 8 new ones fill the empty slots, less the one rejected.
  expect(state.state.tags).toHaveLength(12);
  expect(state.state.tags).toEqual(
    expect.arrayContaining([
      'macrame wall hanging',
      'boho wall decor',
      'cotton rope',
      'handmade tapestry',
      'nursery decor',
    ]),
  );
  expect(state.state.tags).not.toContain('fiber art');
  for (const tag of state.state.tags) expect([...tag].length).toBeLessThanOrEqual(20);
  const rejected = await page.evaluate(
    () => (window as unknown as { __etsyFixture: { rejected: unknown[] } }).__etsyFixture.rejected,
  );
  expect(rejected).toEqual([]);
});

test('cancel stops the generation at the model', async ({ page, ollama }) => {
  ollama.script = { reply: () => MODEL_ANSWER, chunkSize: 4, chunkDelayMs: 100 };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('suggest-progress')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('button', { name: 'Suggest improvements' })).toBeVisible();
  await expect.poll(() => ollama.cancelledChats).toBe(1);
  await expect(panel.getByTestId('review-title')).toHaveCount(0);
});

test('with no model running, offline suggestions serve and fill the form', async ({
  page,
  ollama,
}) => {
  ollama.models = [];
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Offline rules (no model)');
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');
  await expect(page.locator('#save-state')).toContainText('Tags');
  // The seller's 5 tags stay, and whole phrases from the listing fill the empty slots.
  const pills = page.locator('#field-tags .le-pill__text');
  await expect.poll(() => pills.count()).toBeGreaterThan(5);
  const tags = await pills.allTextContents();
  expect(tags.length).toBeLessThanOrEqual(13);
  expect(tags).toEqual(expect.arrayContaining(['macrame wall hanging', 'nursery decor']));
});

test('a model error shows in the suggestions section only, with the offline fallback', async ({
  page,
  ollama,
}) => {
  ollama.script = { reply: () => MODEL_ANSWER, chunkSize: 20, chunkDelayMs: 5, failAfterChunks: 2 };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  const error = panel.getByTestId('suggest-error');
  await expect(error).toBeVisible();
  // The grade stays; the error is in its own place.
  await expect(panel.getByTestId('score')).toBeVisible();
  await error.getByRole('button', { name: 'Use offline suggestions instead' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Offline rules (no model)');
  await expect(panel.getByTestId('suggest-error')).toHaveCount(0);
});

test('when Etsy renames its ids, the panel finds fields by structure, says so, and still fills', async ({
  page,
  ollama,
}) => {
  ollama.models = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('score')).toBeVisible();
  await expect(panel.getByTestId('panel-fields')).toHaveCount(0);

  // Etsy renames the tags block and its input: no known id or name matches any more.
  await page.evaluate(() => {
    const tags = document.querySelector('#field-tags');
    tags?.setAttribute('id', 'field-tags-renamed-by-etsy');
    tags?.querySelector('input')?.setAttribute('id', 'renamed-input');
    tags?.querySelector('input')?.removeAttribute('name');
  });
  await page.locator('#listing-title-input').press('End');
  await page.locator('#listing-title-input').pressSequentially(' Gift');
  await expect(panel.getByTestId('panel-fields')).toHaveText('Found by page structure: tags.');
  await expect(panel.getByTestId('panel-title')).toContainText('Tapestry Gift');
  await expect(panel.getByTestId('grade-unread')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');
  await expect(page.locator('#save-state')).toContainText('Tags');
  expect(pageErrors).toEqual([]);
});

test('an error clears when the seller moves to another listing', async ({ page, ollama }) => {
  ollama.script = { reply: () => 'not json at all', chunkSize: 20, chunkDelayMs: 1 };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('suggest-error')).toBeVisible();

  await page.locator('nav[data-seller-nav] a[data-nav="listings"]').click();
  await page.locator('a[data-listing-link="2345678901"]').click();
  await expect(panel.getByTestId('panel-listing')).toHaveText('Listing 2345678901');
  await expect(panel.getByTestId('suggest-error')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Suggest improvements' })).toBeVisible();
});

test('copy puts a suggested field on the clipboard', async ({ page, context, ollama }) => {
  ollama.script = { reply: () => MODEL_ANSWER, chunkSize: 200, chunkDelayMs: 1 };
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://www.etsy.com',
  });
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  // The frame grows as the review arrives; click once it has (its place on the page moves).
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await panel.getByRole('button', { name: 'Copy suggested title' }).click();
  await expect(panel.getByRole('button', { name: 'Copy suggested title' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MODEL_TITLE);
});
