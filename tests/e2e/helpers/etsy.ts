import type { Page } from '@playwright/test';
import type { FakeEtsy } from '../../peers/etsy/server';
import { expect } from '../fixtures';

export async function saveEtsyApp(options: Page, app: { keystring: string; sharedSecret: string }) {
  await options.getByLabel('Keystring').fill(app.keystring);
  await options.getByLabel('Shared secret').fill(app.sharedSecret);
  await options.getByRole('button', { name: 'Store Etsy app' }).click();
}

/** Sets up the app on the options page, then connects from the popup. */
export async function connect(
  etsy: FakeEtsy,
  openExtensionPage: (path: 'popup.html' | 'options.html') => Promise<Page>,
): Promise<Page> {
  const options = await openExtensionPage('options.html');
  await saveEtsyApp(options, etsy.api.app);
  await expect(options.getByTestId('etsy-app-status')).toHaveText(
    'Saved. Now connect from the extension’s popup.',
  );
  await options.close();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Not connected to Etsy');
  await popup.getByRole('button', { name: 'Connect to Etsy' }).click();
  await expect(popup.getByTestId('etsy-connection')).toHaveText('Connected as FakeCraftShop');
  return popup;
}
