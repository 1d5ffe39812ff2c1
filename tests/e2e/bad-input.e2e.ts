import type { Page } from '@playwright/test';
import { isValidTag, isValidTitle, MAX_TAGS, tagIdentity } from '../../lib/seo';
import { EDITOR_URL, panelFrame, expect, test } from './fixtures';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const TITLE = `Macrame Wall Hanging ${IMG} ${SCRIPT}`;
const DESCRIPTION = `<p>A handmade macrame wall hanging.</p>${IMG}${SCRIPT}<iframe src="javascript:window.__pwned=3"></iframe>`;
const HOSTILE_ANSWER = JSON.stringify({
  title: { value: TITLE, reasons: [`<b>${IMG}</b>`] },
  tags: [
    IMG,
    SCRIPT,
    '<b>boho decor</b>',
    'macrame wall hanging',
    'Macrame Wall Hanging',
    'cotton rope art',
    '<svg onload=alert(1)>',
  ].map((value) => ({ value, reason: `${IMG} reason` })),
  description: { value: DESCRIPTION, reasons: [SCRIPT] },
});

interface FixtureState {
  state: { title: string; description: string; tags: string[] };
}

async function fixtureState(page: Page): Promise<FixtureState['state']> {
  const text = await page.locator('#fixture-debug').textContent();
  return (JSON.parse(text ?? '{}') as FixtureState).state;
}

/** Elements that would mean model or listing text became markup inside the panel. */
function markupInPanel(page: Page): Promise<string[]> {
  return panelFrame(page)
    .locator('#root')
    .evaluate((root) =>
      [...root.querySelectorAll('img, script, iframe, svg[onload], [onerror], [onload]')].map(
        (el) => el.outerHTML.slice(0, 100),
      ),
    );
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('HTML and <script> from the model show only as text, and only valid values reach Etsy’s form', async ({
  page,
  ollama,
}) => {
  const errors = collectPageErrors(page);
  ollama.script = { reply: () => HOSTILE_ANSWER, chunkSize: 40, chunkDelayMs: 5 };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');

  // The markup is visible as characters, not rendered.
  await expect(panel.getByTestId('review-title')).toContainText(IMG);
  await expect(panel.getByTestId('review-description')).toContainText(SCRIPT);
  await expect(panel.getByTestId('repair-notes')).toContainText('<svg onload=alert(1)>');
  expect(await markupInPanel(page)).toEqual([]);

  // Title and description change only when the seller ticks them.
  await panel.getByRole('checkbox', { name: 'Use this title' }).check();
  await panel.getByRole('checkbox', { name: 'Use this description' }).check();
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');
  const state = await fixtureState(page);
  // "<", ">", "=" and quotes are letters of Etsy's title alphabet (\p{Sm}, \p{P}): valid, as text.
  expect(state.title).toBe(TITLE);
  expect(isValidTitle(state.title)).toBe(true);
  expect(state.description).toBe(DESCRIPTION);
  expect(state.tags.length).toBeLessThanOrEqual(MAX_TAGS);
  for (const tag of state.tags) expect(isValidTag(tag), tag).toBe(true);
  expect(new Set(state.tags.map(tagIdentity)).size).toBe(state.tags.length);
  // "img src x onerror" shares no word with the listing: the guardrails drop it as a tag.
  expect(state.tags).not.toContain('img src x onerror');
  expect(state.tags).toEqual(expect.arrayContaining(['b boho decor b', 'cotton rope art']));
  const fixture = await page.evaluate(() => {
    const w = window as unknown as { __etsyFixture: { rejected: unknown[] }; __pwned?: unknown };
    return { rejected: w.__etsyFixture.rejected, pwned: w.__pwned ?? 'never set' };
  });
  expect(fixture).toEqual({ rejected: [], pwned: 'never set' });
  expect(await markupInPanel(page)).toEqual([]);
  expect(errors).toEqual([]);
});

const HOSTILE_TITLE = `${IMG} معلقة جدارية مكرامية 🌿 שטיח קיר Macrame ✨`;
const HOSTILE_DESCRIPTION = `${SCRIPT}\nمعلقة جدارية مصنوعة يدويًا 🌿🧶 \u202eReversed\u202c e\u0301\u0301 \u200bzero\u200dwidth\n${'Handmade macrame. '.repeat(300)}`;

test('a listing with HTML, right-to-left text and emoji is graded and suggested without breaking', async ({
  page,
  ollama,
}) => {
  const errors = collectPageErrors(page);
  ollama.script = {
    reply: () =>
      JSON.stringify({
        title: { value: 'Macrame Wall Hanging, Boho Decor', reasons: ['Leads with the item'] },
        tags: ['macrame', 'boho decor', 'wall hanging'].map((value) => ({ value, reason: 'x' })),
        description: { value: 'A handmade macrame wall hanging.', reasons: ['Says what it is'] },
      }),
    chunkSize: 40,
    chunkDelayMs: 5,
  };
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('score')).toHaveText(/^\d+$/);
  await page.locator('#listing-title-input').fill(HOSTILE_TITLE);
  await page.locator('#listing-description-textarea').fill(HOSTILE_DESCRIPTION);
  await expect(panel.getByTestId('panel-title')).toHaveText(HOSTILE_TITLE);
  await expect(panel.getByTestId('score')).toHaveText(/^\d+$/);
  // The grade flags the emoji and the markup characters Etsy refuses in a title.
  await expect(panel.getByTestId('findings-title')).toBeVisible();
  expect(await markupInPanel(page)).toEqual([]);

  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('review-title')).toContainText('Boho Decor');
  // The listing reached the model as escaped data inside <listing>, never as markup or instructions.
  const prompt = (ollama.chats[0]!.body.messages as { role: string; content: string }[])
    .map((m) => m.content)
    .join('\n');
  expect(prompt).toContain('معلقة جدارية مكرامية 🌿');
  expect(prompt).not.toContain('<img');
  expect(prompt).not.toContain('<script');
  expect(prompt).toContain('\\u003cimg src=x');

  // The emoji and markup make the current title one Etsy refuses, so the fix is ticked for them.
  await expect(panel.getByRole('checkbox', { name: 'Use this title' })).toBeChecked();
  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');
  const state = await fixtureState(page);
  expect(state.title).toBe('Macrame Wall Hanging, Boho Decor');
  expect(
    await page.evaluate(() => ({
      rejected: (window as unknown as { __etsyFixture: { rejected: unknown[] } }).__etsyFixture
        .rejected,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? 'never set',
    })),
  ).toEqual({ rejected: [], pwned: 'never set' });
  expect(await markupInPanel(page)).toEqual([]);
  expect(errors).toEqual([]);
});
