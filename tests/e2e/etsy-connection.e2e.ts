import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/launch';
import { EDITOR_URL, expect, test } from './fixtures';
import { builtFiles } from './helpers/bundle';
import { connect, saveEtsyApp } from './helpers/etsy';
import { readStore, storedSecretNames } from './helpers/extension-db';
import { ALL_OPENAI_TEST_KEYS } from './helpers/secrets';

const WRONG_SECRET = 'wrongsharedsecret42';

test('connects through Etsy OAuth (PKCE) from the popup and shows the shop', async ({
  etsy,
  extensionId,
  openExtensionPage,
  serviceWorker,
}) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('etsy-redirect-uri')).toHaveText(
    `https://${extensionId}.chromiumapp.org/`,
  );
  expect(etsy.api.auth.redirectUris).toContain(`https://${extensionId}.chromiumapp.org/`);
  await options.close();

  const popup = await connect(etsy, openExtensionPage);
  // i.etsystatic.com isn't served here, so the popup falls back to the shop's initial.
  await expect(popup.locator('.shop__icon')).toBeVisible();
  // The shop isn't a secret: it is kept beside the connection, not among the secrets.
  expect(await readStore(serviceWorker, 'etsyConnection')).toContainEqual({
    key: 'etsyShop',
    value: {
      shopId: 987654,
      name: 'FakeCraftShop',
      iconUrl: 'https://i.etsystatic.com/isla/987654/icon_fullxfull.jpg',
    },
  });
  await expect(popup.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page: popup }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  const [exchange] = etsy.api.requests.filter((r) => r.path === '/v3/public/oauth/token');
  const form = new URLSearchParams(exchange!.body);
  expect(form.get('grant_type')).toBe('authorization_code');
  expect(form.get('client_id')).toBe(etsy.api.app.keystring);
  expect(form.get('redirect_uri')).toBe(`https://${extensionId}.chromiumapp.org/`);
  expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  expect(etsy.api.tokenRequests).toBe(1);
  expect((await storedSecretNames(serviceWorker)).sort()).toEqual(['etsyApp', 'etsyTokens']);

  // Reopening the popup finds the connection where the background left it.
  const again = await openExtensionPage('popup.html');
  await expect(again.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
});

test('the connection survives the service worker starting afresh', async ({
  etsy,
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await connect(etsy, openExtensionPage);
  await serviceWorker.evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const again = await openExtensionPage('popup.html');
  await expect(again.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
  // The live check used the stored token: no new consent, no refresh.
  await expect.poll(() => etsy.api.callsTo('getMe').length).toBe(2);
  expect(etsy.api.callsTo('getMe').map((r) => r.status)).toEqual([200, 200]);
  expect(etsy.api.tokenRequests).toBe(1);
  // A fresh worker answered: the marker set in the old one is gone.
  const worker = context.serviceWorkers().at(-1)!;
  expect(await worker.evaluate(() => 'beforeRestart' in globalThis)).toBe(false);
});

test('an expired access token is renewed silently', async ({ etsy, openExtensionPage }) => {
  await connect(etsy, openExtensionPage);
  etsy.api.expireAccessTokens();
  const popup = await openExtensionPage('popup.html');
  await expect.poll(() => etsy.api.tokenRequests).toBe(2);
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
  const refresh = etsy.api.requests.filter((r) => r.path === '/v3/public/oauth/token')[1]!;
  expect(new URLSearchParams(refresh.body).get('grant_type')).toBe('refresh_token');
  // The retried getMe succeeded with the new token.
  expect(etsy.api.callsTo('getMe').map((r) => r.status)).toEqual([200, 401, 200]);
});

test('a revoked refresh token shows "Reconnect needed", and reconnecting works', async ({
  etsy,
  openExtensionPage,
}) => {
  await connect(etsy, openExtensionPage);
  etsy.api.revokeRefreshTokens();
  etsy.api.expireAccessTokens();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Reconnect needed');
  await expect(popup.getByTestId('etsy-connection-detail')).toContainText(
    'Etsy no longer accepts this extension’s access to your shop.',
  );
  await popup.getByRole('button', { name: 'Reconnect' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
});

test('disconnect wipes the tokens but keeps the app, and says Etsy keeps its access until removed there', async ({
  etsy,
  openExtensionPage,
  serviceWorker,
}) => {
  const popup = await connect(etsy, openExtensionPage);
  const note = popup.getByTestId('etsy-keeps-access');
  await expect(note).toContainText('Etsy keeps this app’s access to your shop until you remove it');
  await popup.getByRole('button', { name: 'Disconnect' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Not connected to Etsy');
  await expect(note).toContainText('Disconnected: the tokens are deleted from this browser.');
  await expect(note.getByRole('link', { name: 'Apps you’ve connected' })).toHaveAttribute(
    'href',
    'https://www.etsy.com/your/account/apps',
  );
  expect(await storedSecretNames(serviceWorker)).toEqual(['etsyApp']);
  await popup.reload();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Not connected to Etsy');
});

test("wrong app credentials show Etsy's own message", async ({ etsy, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await saveEtsyApp(options, { keystring: etsy.api.app.keystring, sharedSecret: WRONG_SECRET });
  await expect(options.getByTestId('etsy-app-status')).toHaveText(
    'Etsy says: API key not found or not active, or incorrect shared secret for API key. ' +
      'Check the keystring and shared secret under “Etsy app” in Settings.',
  );
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Etsy app not set up');

  // Saved credentials that Etsy stops accepting (app deleted or secret changed).
  await saveEtsyApp(options, etsy.api.app);
  await expect(options.getByTestId('etsy-app-status')).toContainText('Saved.');
  etsy.api.app = { ...etsy.api.app, sharedSecret: 'rotatedsecret' };
  await popup.reload();
  await popup.getByRole('button', { name: 'Connect to Etsy' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Could not connect to Etsy');
  await expect(popup.getByTestId('etsy-connection-detail')).toContainText(
    'Etsy says: API key not found or not active, or incorrect shared secret for API key.',
  );
});

test('declining consent or closing the Etsy window says so', async ({
  etsy,
  context,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await saveEtsyApp(options, etsy.api.app);
  await expect(options.getByTestId('etsy-app-status')).toContainText('Saved.');
  const popup = await openExtensionPage('popup.html');

  etsy.api.auth.consent = 'deny';
  await popup.getByRole('button', { name: 'Connect to Etsy' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Could not connect to Etsy');
  await expect(popup.getByTestId('etsy-connection-detail')).toContainText(
    'You declined access on Etsy.',
  );

  etsy.api.auth.consent = 'close';
  const consentWindow = context.waitForEvent('page', (page) =>
    page.url().startsWith('https://www.etsy.com/oauth/connect'),
  );
  await popup.getByRole('button', { name: 'Try again' }).click();
  await (await consentWindow).close();
  await expect(popup.getByTestId('etsy-connection-detail')).toHaveText(
    'The Etsy window was closed before you allowed access. Click Connect to try again.',
  );
});

test('the built extension contains no secrets or tokens', ({ etsy }) => {
  const files = builtFiles();
  expect(files.length).toBeGreaterThan(3);
  const issued = etsy.api.auth.issueTokens(12345678, ['shops_r']);
  const forbidden = [
    etsy.api.app.sharedSecret,
    etsy.api.app.keystring,
    WRONG_SECRET,
    issued.access_token,
    issued.refresh_token,
    // OpenAI-compatible API keys typed in model.e2e.ts and security.e2e.ts.
    ...ALL_OPENAI_TEST_KEYS,
  ];
  const secretPatterns = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\bsk-[A-Za-z0-9_-]{20,}/,
    /\b\d{5,}\.[A-Za-z0-9_-]{40,}/, // an Etsy token: <user_id>.<opaque>
    /x-api-key['"]?\s*[:=]\s*['"][^'"`$]+:[^'"`$]+['"]/i,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const value of forbidden) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    for (const pattern of secretPatterns) expect(text, file).not.toMatch(pattern);
  }
  // The token code never ships in the content script, which runs inside etsy.com.
  for (const file of files.filter((f) => f.includes('content-scripts'))) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/refresh_token|refreshToken/);
  }
});

test('the popup tells whether the active tab is a listing editor, without the tabs permission', async ({
  page,
  openExtensionPage,
}) => {
  await page.goto(EDITOR_URL);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('tab-status')).toHaveText(
    'This tab isn’t an Etsy listing editor. Open a listing in Shop Manager to use the copilot.',
  );
  // Make the editor the active tab, then let the popup look again.
  await page.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('tab-status')).toHaveText(
    'This tab is the listing editor for listing 1234567890.',
  );
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions: string[];
  };
  expect(manifest.permissions).not.toContain('tabs');
});
