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

/**
 * Every DOM change once the page is parsed, recorded where the page can see it. The content
 * script starts earlier (document_start) but must not touch the page until an editor route.
 */
function recordMutations() {
  const log: string[] = [];
  (window as unknown as { __mutations: string[] }).__mutations = log;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const added = [...record.addedNodes].map((node) => node.nodeName.toLowerCase());
      log.push(`${record.type} ${record.target.nodeName.toLowerCase()} ${added.join(',')}`.trim());
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    }),
  );
}

test('nothing is injected outside the editor: no content script off Shop Manager, no trace in Shop Manager', async ({
  page,
  context,
  etsy,
  extensionId,
}) => {
  await page.addInitScript(recordMutations);
  const cdp = await context.newCDPSession(page);
  const ourWorlds: string[] = [];
  let ourWorldCreated!: () => void;
  const contentScriptRan = new Promise<void>((resolve) => (ourWorldCreated = resolve));
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.origin !== `chrome-extension://${extensionId}`) return;
    ourWorlds.push(page.url());
    ourWorldCreated();
  });
  await cdp.send('Runtime.enable');
  const mutations = () =>
    page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);

  // Off Shop Manager (plain pages with no scripts of their own): the content script never
  // runs, and nothing touches the page. Idle-time scripts run by the load event at the latest.
  for (const url of ['https://www.etsy.com/', 'https://www.etsy.com/listing/1234567890/macrame']) {
    await page.goto(url, { waitUntil: 'load' });
    expect(await mutations(), url).toEqual([]);
  }
  expect(ourWorlds).toEqual([]);

  // In Shop Manager the content script runs (it follows in-page navigation to the editor)
  // but leaves the page as it was.
  await page.goto('https://www.etsy.com/your/shops/me/dashboard');
  await contentScriptRan;
  expect(ourWorlds).toEqual(['https://www.etsy.com/your/shops/me/dashboard']);
  // The same page moving to the editor in-page gets the panel: the script was live, and the
  // record sees what it does. It mounts once; anything it had put on the dashboard before
  // would show here first.
  await page.evaluate(() =>
    history.pushState({}, '', '/your/shops/me/listing-editor/edit/1234567890'),
  );
  await expect(panelFrame(page).getByTestId('panel-listing')).toHaveText('Listing 1234567890');
  // The panel's frame is the one thing added; later changes are only its own placement.
  const changes = await mutations();
  expect(changes[0]).toBe('childList body iframe');
  expect(
    changes.slice(1).every((change) => change === 'attributes iframe'),
    changes.join('; '),
  ).toBe(true);
  // Nothing reached Etsy's API on the way.
  expect(etsy.api.requests).toEqual([]);
});

test('the popup shows the Etsy connection state and whether the model answers', async ({
  openExtensionPage,
  ollama,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Etsy app not set up');
  await expect(popup.getByTestId('model-status')).toContainText('Ollama (llama3.2) is ready.');

  // Automatic with no model answering: the offline rules answer, and each model tried says why not.
  ollama.models = [];
  const again = await openExtensionPage('popup.html');
  const status = again.getByTestId('model-status');
  await expect(status).toContainText(
    'Suggestions will come from the offline rules: no model answered.',
  );
  await expect(status).toContainText(
    'Tried Ollama: Ollama is running but has no models installed.',
  );
  await expect(status).not.toContainText('not answering');
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
