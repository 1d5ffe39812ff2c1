import { EDITOR_URL, PANEL, expect, test } from './fixtures';

test('the grade updates live as the seller types into Etsy’s title field', async ({ page }) => {
  await page.goto(EDITOR_URL);
  const panel = page.locator(PANEL);
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

test('offline suggestions fill into Etsy’s own form, tag by tag', async ({ page }) => {
  await page.goto(EDITOR_URL);
  const panel = page.locator(PANEL);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText('By: Offline rules (no model)');
  const review = panel.getByTestId('review-tags');
  await expect(review).toContainText('/13');

  await panel.getByRole('button', { name: 'Fill into editor' }).click();
  await expect(panel.getByTestId('fill-report')).toContainText('Review the changes');

  // The fixture's own form state shows the change, as Etsy's would.
  await expect(page.locator('#save-state')).toContainText('You changed:');
  await expect(page.locator('#save-state')).toContainText('Tags');
  const chips = page.locator('#field-tags .le-pill__text');
  await expect(chips).toHaveCount(13);
  const debug = JSON.parse((await page.locator('#fixture-debug').textContent()) ?? '{}') as {
    state: { tags: string[] };
  };
  expect(debug.state.tags).toHaveLength(13);
  for (const tag of debug.state.tags) expect(tag.length).toBeLessThanOrEqual(20);
  await page.screenshot({ path: 'test-results/panel-after-fill.png' });
});

test('when Etsy’s markup hides a field, the panel says so and keeps working', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(EDITOR_URL);
  const panel = page.locator(PANEL);
  await expect(panel.getByTestId('score')).toBeVisible();

  // Etsy renames the tags block: our id and structure candidates no longer match.
  await page.evaluate(() => {
    const tags = document.querySelector('#field-tags');
    tags?.setAttribute('id', 'field-tags-renamed-by-etsy');
    tags?.querySelector('input')?.setAttribute('id', 'renamed-input');
    tags?.querySelector('input')?.removeAttribute('name');
  });
  await page.locator('#listing-title-input').press('End');
  await page.locator('#listing-title-input').pressSequentially(' Gift');
  await expect(panel.getByTestId('panel-missing')).toContainText('tags field');
  await expect(panel.getByTestId('panel-title')).toContainText('Tapestry Gift');
  await expect(panel.getByTestId('score')).toBeVisible();
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('review-title')).toBeVisible();
  expect(pageErrors).toEqual([]);
});
