import type { FrameLocator, Page } from '@playwright/test';
import type { FakeListing } from '../peers/etsy/data';
import { expect, panelFrame, test } from './fixtures';
import { connect } from './helpers/etsy';

/**
 * The panel's whole loop — read, grade, suggest, fill, publish — on every editor
 * imitation the fake Etsy serves: Etsy's current editor, the same editor in German,
 * another markup generation (token inputs, a late form) and a rich-text description.
 * The fake site picks the editor by listing id; the extension is told nothing.
 */
const EDITORS = [
  { name: 'current editor', listingId: 1234567890, foundBy: null },
  {
    name: 'German editor',
    listingId: 3456789012,
    foundBy: 'Found by page structure: title, description, tags, materials.',
  },
  {
    name: 'token-input generation',
    listingId: 4567890123,
    foundBy: 'Found by page structure: title, description, tags, materials.',
  },
  {
    name: 'rich-text description',
    listingId: 5678901234,
    foundBy: 'Found by label text: title, description, tags, materials.',
  },
] as const;

const editorUrl = (listingId: number) =>
  `https://www.etsy.com/your/shops/me/listing-editor/edit/${listingId}`;

/**
 * What the scripted model proposes: every fact of the saved title kept, in the listing's own
 * language, so the guardrails pass it and the review offers each change.
 */
const isGerman = (saved: FakeListing) => saved.language === 'de';
const newTags = (saved: FakeListing) =>
  isGerman(saved)
    ? ['makramee geschenk', 'boho wandteppich', 'handgemachte deko']
    : ['unique gift idea', 'handmade present', 'gift for a friend'];
const NEW_TITLE = (saved: FakeListing) =>
  `${saved.title}, ${isGerman(saved) ? 'Geschenkidee' : 'Gift Idea'}`;
const newDescription = (saved: FakeListing) =>
  isGerman(saved)
    ? 'Ein handgeknüpfter Makramee Wandbehang aus Baumwolle.\n\nEin zweiter Absatz, sauber getrennt.'
    : 'A new opening line that names the item.\n\nA second paragraph, kept apart.';

/** A model answer that keeps every current tag and adds three, so no default can drop one. */
function answerFor(saved: FakeListing): string {
  return JSON.stringify({
    title: { value: NEW_TITLE(saved), reasons: ['Leads with the item'] },
    tags: [...saved.tags, ...newTags(saved)].map((value) => ({
      value,
      reason: 'buyer search phrase',
    })),
    description: { value: newDescription(saved), reasons: ['Names the item first'] },
  });
}

interface FixtureDebug {
  state: { title: string; description: string; tags: string[] };
  changed: string[];
}
async function pageState(page: Page): Promise<FixtureDebug> {
  return JSON.parse((await page.locator('#fixture-debug').textContent()) ?? '{}') as FixtureDebug;
}

async function expectRead(panel: FrameLocator, saved: FakeListing) {
  await panel.getByText('What the panel read').click();
  await expect(panel.getByTestId('read-title')).toHaveText(saved.title);
  await expect(panel.getByTestId('read-tags')).toHaveText(saved.tags.join(' | '));
  await expect(panel.getByTestId('read-materials')).toHaveText(saved.materials.join(' | '));
  await expect
    .poll(() => panel.getByTestId('read-description').textContent())
    .toBe(saved.description);
}

/** Asks the fake Ollama, then accepts the title, the description and every added tag. */
async function suggestAndAcceptAll(panel: FrameLocator, saved: FakeListing) {
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).check();
  for (const tag of newTags(saved)) await panel.getByRole('checkbox', { name: `+ ${tag}` }).check();
}

for (const editor of EDITORS) {
  test.describe(editor.name, () => {
    test('reads every field exactly, grades it, and fills accepted suggestions the page’s own way', async ({
      page,
      etsy,
      ollama,
    }) => {
      const saved = structuredClone(etsy.api.listings.get(editor.listingId)!);
      ollama.script = { reply: () => answerFor(saved), chunkSize: 80, chunkDelayMs: 2 };
      await page.goto(editorUrl(editor.listingId));
      const panel = panelFrame(page);
      await expect(panel.getByTestId('score')).toHaveText(/^\d+$/);
      await expectRead(panel, saved);
      // Every field was read, so nothing is left out of the grade.
      await expect(panel.getByTestId('grade-unread')).toHaveCount(0);
      if (editor.foundBy)
        await expect(panel.getByTestId('panel-fields')).toHaveText(editor.foundBy);
      else await expect(panel.getByTestId('panel-fields')).toHaveCount(0);

      await suggestAndAcceptAll(panel, saved);
      await panel.getByRole('button', { name: 'Fill into editor' }).click();
      const report = panel.getByTestId('fill-report');
      await expect(report).toContainText('Review the changes', { timeout: 30_000 });
      await expect(report).toContainText(`Tags: ${newTags(saved).length} added, 0 removed.`);
      await expect(report.locator('.error-text')).toHaveCount(0);

      // The page's own state holds exactly what was accepted, and it marks all three changed.
      const after = await pageState(page);
      expect(after.state.title).toBe(NEW_TITLE(saved));
      expect(after.state.description).toBe(newDescription(saved));
      expect(after.state.tags).toEqual([...saved.tags, ...newTags(saved)]);
      expect(after.changed.map((field) => field.toLowerCase())).toEqual(
        expect.arrayContaining(['title', 'description', 'tags']),
      );
      const rejected = await page.evaluate(
        () =>
          (window as unknown as { __etsyFixture: { rejected: unknown[] } }).__etsyFixture.rejected,
      );
      expect(rejected).toEqual([]);
      // And the panel reads the filled page back the same way.
      await expect(panel.getByTestId('read-tags')).toHaveText(
        [...saved.tags, ...newTags(saved)].join(' | '),
      );
    });

    test('publishes Etsy’s saved listing plus only the accepted changes', async ({
      page,
      etsy,
      ollama,
      openExtensionPage,
    }) => {
      const saved = structuredClone(etsy.api.listings.get(editor.listingId)!);
      ollama.script = { reply: () => answerFor(saved), chunkSize: 80, chunkDelayMs: 2 };
      (await connect(etsy, openExtensionPage)).close();
      await page.goto(editorUrl(editor.listingId));
      const panel = panelFrame(page);
      await suggestAndAcceptAll(panel, saved);
      const rich = Boolean(saved.rich_description);
      if (rich) {
        await expect(panel.getByTestId('publish-held-description')).toContainText('rich text');
        await expect(panel.getByText('Sends only: title, tags')).toBeVisible();
      } else {
        await expect(panel.getByText('Sends only: title, description, tags')).toBeVisible();
      }
      await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
      await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy');

      const [patch] = etsy.api.callsTo('updateListing');
      const form = new URLSearchParams(patch!.request.body);
      expect([...form.keys()].sort()).toEqual(
        rich ? ['tags', 'title'] : ['description', 'tags', 'title'],
      );
      const now = etsy.api.listings.get(editor.listingId)!;
      expect(now.title).toBe(NEW_TITLE(saved));
      expect(now.tags).toEqual([...saved.tags, ...newTags(saved)]);
      expect(now.description).toBe(rich ? saved.description : newDescription(saved));
      expect(now.rich_description).toBe(saved.rich_description);
    });
  });
}

test('the rich-text description is filled through the editor’s own input, so its undo takes it back', async ({
  page,
  etsy,
  ollama,
}) => {
  const saved = structuredClone(etsy.api.listings.get(5678901234)!);
  ollama.script = { reply: () => answerFor(saved), chunkSize: 80, chunkDelayMs: 2 };
  await page.goto(editorUrl(5678901234));
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await panel.getByRole('checkbox', { name: 'Use this title' }).uncheck();
  for (const tag of newTags(saved))
    await panel.getByRole('checkbox', { name: `+ ${tag}` }).uncheck();
  await panel.getByRole('checkbox', { name: 'Use this description' }).check();
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Description filled.');
  await expect(page.locator('#unsaved')).toHaveText('You changed: Description');

  const box = page.getByRole('textbox').and(page.locator('[contenteditable]'));
  await box.press('Control+z');
  await expect.poll(async () => (await pageState(page)).state.description).toBe(saved.description);
  await expect(page.locator('#unsaved')).toHaveText('');
});

/** Makes one field of the current editor unreadable: no known id, no label, no structure. */
const HIDE = {
  title: () => {
    const box = document.querySelector('#listing-title-input')!;
    box.removeAttribute('id');
    box.removeAttribute('name');
    document.querySelector('label[for="listing-title-input"]')!.textContent = 'Name it';
  },
  description: () => {
    const box = document.querySelector('#listing-description-textarea')!;
    box.removeAttribute('id');
    box.removeAttribute('name');
    document.querySelector('label[for="listing-description-textarea"]')!.textContent = 'About it';
  },
  tags: () => {
    const field = document.querySelector('#field-tags')!;
    field.removeAttribute('id');
    field.querySelector('legend')!.textContent = 'Keywords';
    const input = field.querySelector('input')!;
    input.removeAttribute('id');
    input.removeAttribute('name');
  },
} as const;

for (const hidden of ['title', 'description', 'tags'] as const) {
  test(`with the ${hidden} unreadable, it is not graded, and publishing another field leaves it untouched on Etsy`, async ({
    page,
    etsy,
    ollama,
    openExtensionPage,
  }) => {
    const saved = structuredClone(etsy.api.listings.get(1234567890)!);
    ollama.script = { reply: () => answerFor(saved), chunkSize: 80, chunkDelayMs: 2 };
    (await connect(etsy, openExtensionPage)).close();
    await page.goto(editorUrl(1234567890));
    const panel = panelFrame(page);
    await expect(panel.getByTestId('score')).toBeVisible();
    await page.evaluate(HIDE[hidden]);

    await expect(panel.getByTestId('panel-fields')).toContainText(`Couldn’t read ${hidden}`);
    await expect(panel.getByTestId('grade-unread')).toContainText(hidden);
    await expect(panel.getByTestId(`findings-${hidden}`)).toHaveCount(0);

    await panel.getByRole('button', { name: 'Suggest improvements' }).click();
    await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
    await expect(panel.getByTestId('review-unread')).toHaveCount(1);
    // The model was told the field couldn't be read, not shown it as empty.
    const user = (ollama.chats.at(-1)!.body.messages as { content: string }[]).at(-1)!.content;
    const seen = JSON.parse(/<listing>\n([\s\S]*?)\n<\/listing>/.exec(user)![1]!);
    expect(seen[hidden]).toBeNull();
    // The seller accepts every change the review lets them take: none for the unread field.
    for (const field of ['title', 'description'] as const) {
      if (field !== hidden)
        await panel.getByRole('checkbox', { name: `Use this ${field}` }).check();
    }
    await expect(panel.getByRole('checkbox', { name: `Use this ${hidden}` })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Publish to Etsy' }).click();
    await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy');

    const [patch] = etsy.api.callsTo('updateListing');
    const sent = [...new URLSearchParams(patch!.request.body).keys()];
    expect(sent).not.toContain(hidden);
    expect(sent.length).toBeGreaterThan(0);
    const now = etsy.api.listings.get(1234567890)!;
    expect(now[hidden]).toEqual(saved[hidden]);
  });
}

test('filling stops when the seller leaves the listing: nothing lands in the next editor', async ({
  page,
  etsy,
  ollama,
}) => {
  const saved = structuredClone(etsy.api.listings.get(1234567890)!);
  ollama.script = { reply: () => answerFor(saved), chunkSize: 80, chunkDelayMs: 2 };
  await page.goto(editorUrl(1234567890));
  // Etsy pauses its tag input after each add; here long enough to leave mid-fill.
  await page.evaluate(() => document.body.setAttribute('data-commit-delay-ms', '5000'));
  const panel = panelFrame(page);
  await suggestAndAcceptAll(panel, saved);
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(
    page.locator('#field-tags .le-pill__text', { hasText: newTags(saved)[0] }),
  ).toHaveCount(1);

  // Leave (in-page) while the fill waits for the input, then open the listing again.
  await page.locator('nav[data-seller-nav] a[data-nav="listings"]').click();
  await page.locator('a[data-listing-link="1234567890"]').click();
  await expect(panel.getByTestId('score')).toBeVisible();
  await panel.getByText('What the panel read').click();
  await expect(panel.getByTestId('read-tags')).toHaveText(saved.tags.join(' | '));
  expect((await pageState(page)).state.tags).toEqual(saved.tags);
});
