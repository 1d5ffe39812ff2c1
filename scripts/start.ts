/**
 * `npm start`: builds the extension, starts a local sandbox Etsy (the listing-editor
 * imitation at its real URL, plus a fake Etsy API and OAuth) and opens Chromium with
 * the extension loaded. With no display it runs headless, saves screenshots of the
 * panel, popup and options page, and prints where they are.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './chromium';
import { launchWithExtension } from './launch';
import { startFakeEtsy } from '../tests/peers/etsy/server';
import { makeThrowawayCertificate } from '../tests/peers/tls';

const EDITOR_URL = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890';
const SCREENSHOT_DIR = resolve('sandbox-screenshots');

const executablePath = findChromium();
console.log('Building the extension…');
execSync('npx wxt build', { stdio: 'inherit' });

const etsy = await startFakeEtsy(await makeThrowawayCertificate());
// A whole shop behind the sandbox's Etsy API, answering at internet speed.
etsy.api.stockShop({ count: 2500 });
etsy.api.latency = { minMs: 100, maxMs: 200 };
const headless = !process.env.DISPLAY && process.platform === 'linux';
const { context, extensionId } = await launchWithExtension({
  executablePath,
  etsyPort: etsy.port,
  headless,
});

const editor = context.pages()[0] ?? (await context.newPage());
await editor.goto(EDITOR_URL);
// The panel is an extension page framed in Etsy's editor.
const panel = editor.frameLocator('iframe[data-etsy-seo-copilot="panel"]');
await panel.getByTestId('panel-title').waitFor();

// Connect the sandbox shop the way a seller would: store the app, then Connect in the popup.
const sandboxApp = etsy.api.app;
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.getByLabel('Keystring').fill(sandboxApp.keystring);
await options.getByLabel('Shared secret').fill(sandboxApp.sharedSecret);
await options.getByRole('button', { name: 'Store Etsy app' }).click();
await options.getByText('Saved. Now connect from the extension’s popup.').waitFor();
await options.close();
const connectPopup = await context.newPage();
await connectPopup.goto(`chrome-extension://${extensionId}/popup.html`);
await connectPopup.getByRole('button', { name: 'Connect to Etsy' }).click();
await connectPopup.getByText('Connected as FakeCraftShop').waitFor();
await connectPopup.close();
const SHOP_URL = `chrome-extension://${extensionId}/shop.html`;
const shop = await context.newPage();
await shop.goto(SHOP_URL);
await editor.bringToFront();

console.log(`
Sandbox Etsy is running: ${EDITOR_URL}
(www.etsy.com and api.etsy.com are mapped to a local server only inside this Chromium.)
The sandbox shop (2,500 listings) is connected; its shop audit is open in a tab:
  ${SHOP_URL}
The sandbox Etsy app, should you disconnect and connect again:
  keystring:     ${sandboxApp.keystring}
  shared secret: ${sandboxApp.sharedSecret}
`);

if (headless) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await editor.screenshot({ path: `${SCREENSHOT_DIR}/panel.png` });
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await panel.getByTestId('engine').waitFor({ timeout: 120_000 });
  await panel.locator('section.panel').screenshot({ path: `${SCREENSHOT_DIR}/suggestions.png` });
  await shop.setViewportSize({ width: 1440, height: 900 });
  await shop.getByTestId('load-done').waitFor({ timeout: 120_000 });
  await shop.getByTestId('audit-title').first().click();
  await shop.getByTestId('listing-detail').waitFor();
  await shop.screenshot({ path: `${SCREENSHOT_DIR}/shop.png` });
  for (const [name, size] of [
    ['popup', { width: 380, height: 420 }],
    ['options', { width: 1000, height: 900 }],
  ] as const) {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  }
  console.log(`No display found, so Chromium ran headless. Screenshots of the panel, shop audit, popup and options page:
  ${SCREENSHOT_DIR}/panel.png
  ${SCREENSHOT_DIR}/shop.png
  ${SCREENSHOT_DIR}/suggestions.png
  ${SCREENSHOT_DIR}/popup.png
  ${SCREENSHOT_DIR}/options.png`);
  await context.close();
  await etsy.close();
} else {
  console.log('Close the Chromium window (or press Ctrl+C) to stop the sandbox.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await etsy.close();
    process.exit(0);
  };
  context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
}
