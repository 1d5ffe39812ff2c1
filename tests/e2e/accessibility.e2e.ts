import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EDITOR_URL, PANEL_FRAME, panelFrame, expect, test } from './fixtures';

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the panel, with suggestions open, has no serious accessibility violations', async ({
  page,
  ollama,
}) => {
  ollama.models = []; // the offline engine answers
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await panel.getByRole('button', { name: /Why \d+\?/ }).click();
  await expect(panel.getByTestId('review-tags')).toBeVisible();
  expect(await seriousViolations(page, PANEL_FRAME)).toEqual([]);

  const surface = panel.locator('section.panel');
  await panel.getByRole('button', { name: /^Theme: system/ }).click();
  await expect(surface).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await panel.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(surface).toHaveCSS('background-color', 'rgb(35, 35, 33)');
  expect(await seriousViolations(page, PANEL_FRAME)).toEqual([]);
});

test('the popup and options page have no serious accessibility violations', async ({
  openExtensionPage,
}) => {
  for (const path of ['popup.html', 'options.html'] as const) {
    const page = await openExtensionPage(path);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('the panel is usable from the keyboard, and remembers how it was left', async ({ page }) => {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const frame = panel.locator('section.panel');
  await expect(panel.getByTestId('score')).toBeVisible();

  const handle = panel.getByRole('button', { name: /Move panel/ });
  await handle.focus();
  const before = await frame.boundingBox();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await frame.boundingBox())?.x).toBeLessThan(before!.x);

  await panel.getByRole('button', { name: 'Collapse panel' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('score')).toHaveCount(0);
  const moved = await frame.boundingBox();

  await page.reload();
  await expect(panel.getByRole('button', { name: 'Expand panel' })).toBeVisible();
  await expect(panel.getByTestId('score')).toHaveCount(0);
  const after = await frame.boundingBox();
  expect(Math.round(after!.x)).toBe(Math.round(moved!.x));

  await panel.getByRole('button', { name: 'Expand panel' }).click();
  await expect(panel.getByTestId('score')).toBeVisible();
});
