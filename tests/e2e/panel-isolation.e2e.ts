import type { Page } from '@playwright/test';
import { EDITOR_URL, PANEL_FRAME, SECOND_LISTING_ID, expect, panelFrame, test } from './fixtures';
import { connect } from './helpers/etsy';

/**
 * Attacks from Etsy's own page (its main world, as an XSS on etsy.com would run) on the panel,
 * which lives in an extension-origin iframe. Each expects nothing to happen.
 */

/** Opens the editor and waits until the panel has read the listing. */
async function openPanel(page: Page) {
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('score')).toBeVisible();
  return panel;
}

/** Proves the panel still follows the editor: Etsy's title field → the panel's title. */
async function expectPanelLive(page: Page, title: string) {
  await page.locator('#listing-title-input').fill(title);
  await expect(panelFrame(page).getByTestId('panel-title')).toHaveText(title);
}

test('a page script can neither find the panel’s buttons nor reach into its frame', async ({
  page,
}) => {
  await openPanel(page);
  const seen = await page.evaluate((frameSelector) => {
    const buttons: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (
          element instanceof HTMLButtonElement &&
          /Suggest improvements|Publish to Etsy|Fill into editor/.test(element.innerText)
        ) {
          buttons.push(element.innerText);
        }
      }
    };
    walk(document);
    const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
    let windowReach = 'blocked';
    try {
      windowReach = String(frame?.contentWindow?.document.body.innerHTML.length);
    } catch {
      // A cross-origin frame: exactly what we want.
    }
    return {
      framed: frame !== null,
      buttons,
      contentDocument: frame?.contentDocument ?? null,
      windowReach,
      extensionApi: typeof (globalThis as { chrome?: { runtime?: object } }).chrome?.runtime,
    };
  }, PANEL_FRAME);
  expect(seen).toEqual({
    framed: true,
    buttons: [],
    contentDocument: null,
    windowReach: 'blocked',
    extensionApi: 'undefined',
  });
});

test('a page script can’t start a suggestion, fill the form or publish, nor run its own copy of the panel', async ({
  page,
  etsy,
  ollama,
  openExtensionPage,
}) => {
  (await connect(etsy, openExtensionPage)).close();
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: 'Suggest improvements' })).toBeVisible();
  const titleBefore = await page.locator('#listing-title-input').inputValue();

  const rogueFramesLoaded = await page.evaluate(async (frameSelector) => {
    const ours = document.querySelector<HTMLIFrameElement>(frameSelector)!;
    const forged = [
      { type: 'fill', requestId: 1, request: { title: 'Forged title', tags: ['forged'] } },
      { type: 'start', requestId: 'x', listing: { title: 'x' }, refresh: true },
      { type: 'publishListing', data: { changes: { title: 'Forged title' } } },
      { type: 'place', placement: { right: 0, bottom: 0, width: 1, height: 1 } },
    ];
    for (const message of forged) {
      ours.contentWindow?.postMessage(message, '*');
      window.postMessage(message, '*');
    }
    // The panel page is web-accessible, so the page can frame it too: with our mount's
    // secret-less URL, with the exact URL of ours (it can read that), and bare.
    const copies = [ours.src, ours.src.split('#')[0]!, `${ours.src.split('#')[0]}#guess`];
    return Promise.all(
      copies.map(
        (src, i) =>
          new Promise<string>((resolve) => {
            const copy = document.createElement('iframe');
            copy.id = `rogue-${i}`;
            copy.src = src;
            copy.onload = () => resolve(copy.id);
            document.body.append(copy);
          }),
      ),
    );
  }, PANEL_FRAME);
  expect(rogueFramesLoaded).toEqual(['rogue-0', 'rogue-1', 'rogue-2']);

  // The real panel still works and still has its frame where it was; a round trip through
  // the content script also lets any forged message be handled before the checks below.
  await expectPanelLive(page, titleBefore);
  await expect(panelFrame(page).owner()).toHaveCount(1);
  const box = await panelFrame(page).owner().boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  for (const id of ['rogue-0', 'rogue-1', 'rogue-2']) {
    await expect(page.frameLocator(`#${id}`).locator('#root'), id).toBeEmpty();
  }

  expect(etsy.api.callsTo('updateListing')).toHaveLength(0);
  expect(ollama.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
  expect(await page.locator('#listing-title-input').inputValue()).toBe(titleBefore);
  await expect(panel.getByTestId('review-title')).toHaveCount(0);
});

test('a faked WXT “content script started” event doesn’t unmount the panel', async ({
  page,
  extensionId,
}) => {
  await openPanel(page);
  await page.evaluate((id) => {
    // The names WXT's ContentScriptContext listens for (node_modules/wxt, custom-events):
    // `${extension id}:${entrypoint}:wxt:content-script-started`.
    const type = `${id}:editor:wxt:content-script-started`;
    const detail = { contentScriptName: 'editor', messageId: 'forged-by-the-page' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.postMessage({ type, ...detail }, '*');
  }, extensionId);

  await expectPanelLive(page, 'Macrame wall hanging after the forged event');
  await expect(panelFrame(page).owner()).toHaveCount(1);
  // And it still follows the seller to the next listing.
  await page.locator('nav[data-seller-nav] a[data-nav="listings"]').click();
  await expect(panelFrame(page).owner()).toHaveCount(0);
  await page.locator(`a[data-listing-link="${SECOND_LISTING_ID}"]`).click();
  await expect(panelFrame(page).getByTestId('panel-listing')).toHaveText(
    `Listing ${SECOND_LISTING_ID}`,
  );
});
