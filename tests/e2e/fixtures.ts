import {
  test as base,
  expect,
  type BrowserContext,
  type FrameLocator,
  type Page,
  type Worker,
} from '@playwright/test';
import { startFakeEtsy, type FakeEtsy } from '../peers/etsy/server';
import { startFakeOllama, type FakeOllama } from '../peers/ollama';
import { makeThrowawayCertificate } from '../peers/tls';
import { launchWithExtension, ourServiceWorker } from '../../scripts/launch';

export const EDITOR_URL = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890';
export const SECOND_LISTING_ID = '2345678901';

interface TestFixtures {
  /** Hostnames mapped onto local ports, besides Etsy's and Ollama's (none unless a spec sets them). */
  extraHosts: Record<string, number>;
  /** Unpacked extensions loaded next to ours (none unless a spec sets them). */
  extraExtensions: string[];
  /** A fresh Chromium profile with the built extension loaded. */
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  page: Page;
  /** The fake www.etsy.com + api.etsy.com, reset for each test. */
  etsy: FakeEtsy;
  /** The fake Ollama behind localhost:11434, reset for each test. */
  ollama: FakeOllama;
  /** Opens one of the extension's own pages. */
  openExtensionPage: (path: 'popup.html' | 'options.html') => Promise<Page>;
}

export const test = base.extend<TestFixtures>({
  extraHosts: [{}, { option: true }],
  extraExtensions: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  etsy: async ({}, use) => {
    const etsy = await startFakeEtsy(await makeThrowawayCertificate());
    await use(etsy);
    await etsy.close();
  },
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    const server = await startFakeOllama();
    Object.assign(server.ollama, { port: server.port });
    await use(server.ollama);
    await server.close();
  },
  context: async ({ etsy, ollama, extraHosts, extraExtensions }, use) => {
    const launched = await launchWithExtension({
      extraHosts,
      extraExtensions,
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      etsyPort: etsy.port,
      ollamaPort: (ollama as FakeOllama & { port: number }).port,
      headless: true,
    });
    await use(launched.context);
    await launched.context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await ourServiceWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };

/** The panel's iframe on Etsy's page (an extension page the page's scripts can't script). */
export const PANEL_FRAME = 'iframe[data-etsy-seo-copilot="panel"]';

/** Inside the panel. `panelFrame(page).owner()` is its iframe element on the page. */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator(PANEL_FRAME);
}
