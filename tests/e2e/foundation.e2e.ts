import { EDITOR_URL, panelFrame, SECOND_LISTING_ID, expect, test } from './fixtures';

test('the panel mounts on the listing editor at its real URL and shows what it read', async ({
  page,
}) => {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('panel-listing')).toHaveText('Listing 1234567890');
  await expect(panel.getByTestId('panel-title')).toHaveText(
    'Macrame Wall Hanging, Boho Wall Decor, Handmade Cotton Rope Tapestry',
  );
});

test('the panel follows in-page navigation to another listing and away from the editor', async ({
  page,
}) => {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('panel-listing')).toHaveText('Listing 1234567890');

  // The fixture's sidebar link navigates with history.pushState, as Etsy's does.
  await page.locator('nav[data-seller-nav] a[data-nav="listings"]').click();
  await expect(page).toHaveURL(/\/tools\/listings$/);
  await expect(panelFrame(page).owner()).toHaveCount(0);

  await page.locator(`a[data-listing-link="${SECOND_LISTING_ID}"]`).click();
  await expect(panel.getByTestId('panel-listing')).toHaveText(`Listing ${SECOND_LISTING_ID}`);
  await expect(panel.getByTestId('panel-title')).toHaveText(
    'Personalized Name Necklace, Gold Pendant Gift for Her',
  );
  await expect(panelFrame(page).owner()).toHaveCount(1);

  await page.goBack();
  await expect(panelFrame(page).owner()).toHaveCount(0);
});

test('the create and copy editor pages get the panel too', async ({ page }) => {
  await page.goto('https://www.etsy.com/your/shops/ExampleCraftShop/listing-editor/create');
  await expect(panelFrame(page).getByTestId('panel-listing')).toHaveText('New listing');
  await page.goto('https://www.etsy.com/your/shops/me/listing-editor/copy/1234567890');
  await expect(panelFrame(page).getByTestId('panel-listing')).toHaveText(
    'New listing (copy of 1234567890)',
  );
});

test('nothing is injected on other Etsy pages', async ({ page }) => {
  for (const url of [
    'https://www.etsy.com/',
    'https://www.etsy.com/listing/1234567890/macrame',
    'https://www.etsy.com/your/shops/me/dashboard',
    'https://www.etsy.com/your/shops/me/tools/listings',
  ]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(panelFrame(page).owner(), url).toHaveCount(0);
  }
});

test('the popup shows the Etsy connection state and whether the model answers', async ({
  openExtensionPage,
  ollama,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Etsy app not set up');
  await expect(popup.getByTestId('model-status')).toContainText('Ollama (llama3.2) is ready.');

  ollama.models = [];
  const again = await openExtensionPage('popup.html');
  await expect(again.getByTestId('model-status')).toContainText('not answering');
  await expect(again.getByRole('button', { name: 'Fix it in settings' })).toBeVisible();
});

test('the options page saves a setting that survives a reload, and refuses a bad one', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const host = options.getByLabel('Ollama address');
  await expect(host).toHaveValue('http://localhost:11434');

  await host.fill('not a url');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText(
    'Not saved: fix the highlighted fields.',
  );
  await expect(host).toHaveAttribute('aria-invalid', 'true');

  await host.fill('http://127.0.0.1:11434/');
  await options.getByLabel('Temperature').fill('0.7');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('settings-status')).toHaveText('Saved.');

  await options.reload();
  await expect(options.getByLabel('Ollama address')).toHaveValue('http://127.0.0.1:11434');
  await expect(options.getByLabel('Temperature')).toHaveValue('0.7');
});
