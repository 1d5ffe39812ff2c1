import { browser } from '#imports';
import { checkAppCredentials } from '@/lib/etsy/app-credentials';
import { systemClock } from '@/lib/etsy/clock';
import { connectToEtsyOnce } from '@/lib/etsy/connect-flow';
import { readEtsyConnection, verifyEtsyConnection } from '@/lib/etsy/connection-status';
import { userErrorFromEtsy } from '@/lib/etsy/errors';
import { publishChanges, readListingText, revertPublish } from '@/lib/etsy/publish';
import { etsyClient, workerFetch } from '@/lib/etsy/background-client';
import { forgetConnection, saveEtsyApp } from '@/lib/etsy/connection-store';
import { handle } from '@/lib/messaging/handle';
import { readSecret } from '@/lib/secrets';

export function setupEtsyHandlers(): void {
  handle('getEtsyConnection', () => readEtsyConnection());
  handle('checkEtsyConnection', () => verifyEtsyConnection());
  handle('connectEtsy', () =>
    connectToEtsyOnce({
      fetch: workerFetch,
      clock: systemClock,
      redirectUri: browser.identity.getRedirectURL(),
      authorize: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    }),
  );
  handle('disconnectEtsy', async () => {
    await forgetConnection();
    return readEtsyConnection();
  });
  handle('getEtsyAppSetup', async () => ({
    keystring: (await readSecret('etsyApp'))?.keystring ?? null,
  }));
  handle('saveEtsyApp', async (app) => {
    try {
      await checkAppCredentials(workerFetch, app);
    } catch (error) {
      return { ok: false, error: userErrorFromEtsy(error) };
    }
    await saveEtsyApp(app);
    return { ok: true, value: { keystring: app.keystring } };
  });
  handle('getEtsyListing', async ({ listingId }) => {
    try {
      return { ok: true as const, value: await readListingText(etsyClient, listingId) };
    } catch (error) {
      return { ok: false as const, error: userErrorFromEtsy(error) };
    }
  });
  handle('publishListing', ({ baseline, changes }) =>
    publishChanges(etsyClient, baseline, changes),
  );
  handle('openShopPage', async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/shop.html') });
    return { opened: true };
  });
  handle('revertListing', ({ listingId, snapshotId }) =>
    revertPublish(etsyClient, listingId, snapshotId),
  );
}
