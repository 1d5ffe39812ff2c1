import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeEtsy, type FakeEtsy } from '../peers/etsy/server';
import { startFakeOllama } from '../peers/ollama';
import { makeThrowawayCertificate } from '../peers/tls';
import {
  EXTENSION_UUID,
  FIREFOX_EXTENSION_DIR,
  GECKO_ID,
  launchFirefoxWithExtension,
  startMappingProxy,
} from './launch-firefox';

/**
 * The Firefox build (`wxt build -b firefox`) in a real firefox-esr: the add-on loads, its
 * content script finds the listing editor at its real URL and shows the panel's frame, the
 * panel reads the listing, and offline suggestions fill Etsy's form. One Firefox for the
 * whole file: it takes seconds to start.
 */
const EDITOR_URL = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890';
const TITLE = 'Macrame Wall Hanging, Boho Wall Decor, Handmade Cotton Rope Tapestry';

interface FixtureState {
  title: string;
  tags: string[];
}

let etsy: FakeEtsy;
let ollama: Awaited<ReturnType<typeof startFakeOllama>>;
let proxy: Awaited<ReturnType<typeof startMappingProxy>>;
let browser: Browser;

beforeAll(async () => {
  etsy = await startFakeEtsy(await makeThrowawayCertificate());
  ollama = await startFakeOllama();
  // Ollama answers but has no model: Automatic falls back to the offline rules.
  ollama.ollama.models = [];
  proxy = await startMappingProxy({ etsy: etsy.port, ollama: ollama.port });
  browser = await launchFirefoxWithExtension(proxy.port);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await ollama?.close();
  await etsy?.close();
});

describe('Firefox (firefox-esr) with the built add-on', () => {
  it('asks for optional hosts the Manifest V2 way', () => {
    const manifest = JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });

  it('the panel reads the listing, and offline suggestions fill the form', async () => {
    const [page = await browser.newPage()] = await browser.pages();
    await page.goto(EDITOR_URL, { waitUntil: 'load' });
    const frame = await page.waitForSelector('iframe[data-etsy-seo-copilot="panel"]', {
      timeout: 30_000,
    });
    const src = await frame!.evaluate((element) => (element as HTMLIFrameElement).src);
    expect(src.startsWith(`moz-extension://${EXTENSION_UUID}/panel.html#`)).toBe(true);
    const panel = await panelFrame(page);
    await waitForPanelText(panel, 'panel-listing', /^Listing 1234567890$/);
    expect(await panelText(panel, 'panel-title')).toBe(TITLE);
    // The frame is shown only once the panel has connected and placed itself.
    expect(await frame!.evaluate((element) => getComputedStyle(element).visibility)).toBe(
      'visible',
    );
    const before = (await page.evaluate(() => window.__etsyFixture.getState())) as FixtureState;
    expect(before.title).toBe(TITLE);

    await clickPanelButton(panel, 'Suggest improvements');
    await waitForPanelText(panel, 'engine', /^By: Offline rules \(no model\)$/);
    await clickPanelButton(panel, 'Fill into editor');
    await waitForPanelText(panel, 'fill-report', /Review the changes/);

    const after = (await page.evaluate(() => window.__etsyFixture.getState())) as FixtureState;
    // The seller's tags stay, and phrases from the listing fill empty slots (13 at most).
    expect(after.tags.length).toBeGreaterThan(before.tags.length);
    expect(after.tags.length).toBeLessThanOrEqual(13);
    for (const tag of after.tags) expect([...tag].length).toBeLessThanOrEqual(20);
    for (const tag of before.tags.filter((t) => [...t].length <= 20)) {
      expect(after.tags).toContain(tag);
    }
    // The offline engine answered: no chat reached the model.
    expect(ollama.ollama.chats).toHaveLength(0);
  });

  it('the popup gets its answers from the background, and says why Ollama is refused', async () => {
    const popup = await openExtensionPage('popup.html');
    await popup.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid="etsy-connection"]')?.textContent;
        return text && text !== 'Checking…';
      },
      { timeout: 30_000 },
    );
    expect(await textOf(popup, 'etsy-connection')).toBe('Etsy app not set up');
    // Ollama refuses Firefox's moz-extension:// origin before answering (the fake, like
    // Ollama, allows only its default origins): the popup says so, with the fix.
    await popup.waitForFunction(
      () =>
        /refused Firefox/.test(
          document.querySelector('[data-testid="model-status"]')?.textContent ?? '',
        ),
      { timeout: 30_000 },
    );
    // The status names why each model didn't answer; the exact OLLAMA_ORIGINS fix is on the
    // options page it links to.
    expect(await textOf(popup, 'model-status')).toContain('or it refused Firefox’s request');
  });

  it('the options page shows the callback URL Etsy needs for Firefox', async () => {
    const sha1 = createHash('sha1').update(GECKO_ID).digest('hex');
    const options = await openExtensionPage('options.html');
    await options.waitForFunction(
      () => document.querySelector('[data-testid="etsy-redirect-uri"]')?.textContent,
      { timeout: 30_000 },
    );
    expect(await textOf(options, 'etsy-redirect-uri')).toBe(
      `https://${sha1}.extensions.allizom.org/`,
    );
  });
});

/**
 * The panel's frame. Over BiDi its URL reads about:blank (an extension page framed in a web
 * page), so it is found by where its script runs.
 */
function panelFrame(page: Page): Promise<Frame> {
  return page.waitForFrame(
    async (frame) =>
      (await frame.evaluate(() => location.href).catch(() => '')).startsWith(
        `moz-extension://${EXTENSION_UUID}/panel.html#`,
      ),
    { timeout: 30_000 },
  );
}

function panelText(panel: Frame, testId: string): Promise<string | null> {
  return panel.evaluate(
    (id) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.innerText ?? null,
    testId,
  );
}

function waitForPanelText(panel: Frame, testId: string, pattern: RegExp) {
  return panel.waitForFunction(
    (id, source) => {
      const text = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.innerText;
      return new RegExp(source).test(text ?? '');
    },
    { timeout: 30_000 },
    testId,
    pattern.source,
  );
}

async function clickPanelButton(panel: Frame, name: string) {
  const button = await panel.waitForFunction(
    (label) =>
      [...document.querySelectorAll('button')].find(
        (candidate) => candidate.textContent?.trim() === label && !candidate.disabled,
      ),
    { timeout: 30_000 },
    name,
  );
  await (button as unknown as { click(): Promise<void> }).click();
}

/** One of the add-on's own pages, in a tab. */
async function openExtensionPage(path: 'popup.html' | 'options.html'): Promise<Page> {
  const page = await browser.newPage();
  // BiDi never reports a moz-extension:// navigation as finished: wait for the page itself.
  void page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
  await page.waitForFunction(
    () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
    { timeout: 30_000 },
  );
  return page;
}

function textOf(page: Page, testId: string): Promise<string | null | undefined> {
  return page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent,
    testId,
  );
}

declare global {
  interface Window {
    __etsyFixture: { getState(): unknown };
  }
}
