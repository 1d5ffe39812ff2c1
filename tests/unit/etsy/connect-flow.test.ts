import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { connectToEtsy, type ConnectDeps } from '@/lib/etsy/connect-flow';
import { etsyConnectionChanged } from '@/lib/etsy/connection-changed';
import { readEtsyConnection, verifyEtsyConnection } from '@/lib/etsy/connection-status';
import { forgetConnection, saveEtsyApp } from '@/lib/etsy/connection-store';
import { readSecret } from '@/lib/secrets';
import { FakeEtsyApi } from '../../peers/etsy/api';
import { fetchFromFake } from '../../peers/etsy/fetch';
import { fakeClock } from './helpers';

const REDIRECT_URI = 'https://blgfogbpcdmhohalginmiifilfkhopig.chromiumapp.org/';

function setup() {
  const api = new FakeEtsyApi();
  const authorize = vi.fn(async (url: string) => {
    const page = api.auth.connectPage(new URL(url));
    if (page.status !== 302) throw new Error('The user did not approve access.');
    return page.headers.location;
  });
  const deps: ConnectDeps = {
    fetch: fetchFromFake(api),
    clock: fakeClock(Date.now()),
    redirectUri: REDIRECT_URI,
    authorize,
  };
  return { api, deps, authorize };
}

describe('connecting to Etsy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs the PKCE flow and stores tokens and shop in IndexedDB only', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    expect(await readEtsyConnection()).toEqual({ state: 'not_connected' });

    expect(await connectToEtsy(deps)).toEqual({
      state: 'connected',
      shop: {
        shopId: 987654,
        name: 'FakeCraftShop',
        iconUrl: 'https://i.etsystatic.com/isla/987654/icon_fullxfull.jpg',
      },
      canWrite: true,
    });
    const tokens = await readSecret('etsyTokens');
    expect(tokens).toMatchObject({ userId: 12345678, shopId: 987654 });
    expect(tokens!.scopes).toEqual(['listings_r', 'listings_w', 'shops_r']);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('ignores a redirect whose state is not ours', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    deps.authorize = async (url) => {
      const location = new URL(api.auth.connectPage(new URL(url)).headers.location!);
      location.searchParams.set('state', 'forged');
      return location.toString();
    };
    const result = await connectToEtsy(deps);
    expect(result).toEqual({
      state: 'error',
      message:
        'The answer from Etsy did not match this connection attempt, so it was ignored. Click Connect to try again.',
    });
    expect(api.tokenRequests).toBe(0);
  });

  it('says so when the seller declines', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    api.auth.consent = 'deny';
    expect(await connectToEtsy(deps)).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^You declined access on Etsy\./),
    });
  });

  it('says so when the Etsy window is closed', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    api.auth.consent = 'close';
    expect(await connectToEtsy(deps)).toMatchObject({
      state: 'error',
      message: 'The Etsy window was closed before you allowed access. Click Connect to try again.',
    });
  });

  it("quotes Etsy when the app credentials are wrong, before opening Etsy's window", async () => {
    const { api, deps, authorize } = setup();
    await saveEtsyApp({ ...api.app, sharedSecret: 'wrong' });
    expect(await connectToEtsy(deps)).toMatchObject({
      state: 'error',
      message: expect.stringContaining(
        'Etsy says: API key not found or not active, or incorrect shared secret for API key.',
      ),
    });
    expect(authorize).not.toHaveBeenCalled();
  });

  it('a dead refresh token means "reconnect needed"; disconnect keeps only the app', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    await connectToEtsy(deps);
    // Etsy has expired the access token and revoked the refresh token (as when the seller
    // removed the app's access): the background's own check refreshes and gets invalid_grant.
    api.expireAccessTokens();
    api.revokeRefreshTokens();
    vi.stubGlobal('fetch', fetchFromFake(api));
    expect(await verifyEtsyConnection()).toEqual({
      state: 'reconnect_needed',
      message:
        'Etsy no longer accepts this extension’s access to your shop. Reconnect to continue.',
    });
    expect(api.responses.filter((r) => r.body.includes('invalid_grant'))).toHaveLength(1);
    expect(await readEtsyConnection()).toMatchObject({ state: 'reconnect_needed' });
    expect(await readSecret('etsyApp')).toEqual(api.app);

    await forgetConnection();
    expect(await readEtsyConnection()).toEqual({ state: 'not_connected' });
    expect((await db.secrets.toArray()).map((row) => row.key)).toEqual(['etsyApp']);
  });

  it('a different app forgets the old connection', async () => {
    const { api, deps } = setup();
    await saveEtsyApp(api.app);
    await connectToEtsy(deps);
    await saveEtsyApp({ keystring: 'anotherapp', sharedSecret: 'x' });
    expect(await readSecret('etsyTokens')).toBeNull();
  });

  it('announces each change, so an open popup re-reads the connection without polling', async () => {
    const { api, deps, authorize } = setup();
    await saveEtsyApp(api.app);
    let changes = 0;
    const unwatch = etsyConnectionChanged.watch(() => changes++);
    const consent = authorize.getMockImplementation()!;
    let whileOnEtsy: unknown = null;
    authorize.mockImplementation(async (url) => {
      // The seller is on Etsy's consent page: a popup opened now hears "connecting".
      await vi.waitFor(() => expect(changes).toBe(1));
      whileOnEtsy = await readEtsyConnection();
      return consent(url);
    });
    await connectToEtsy(deps);
    expect(whileOnEtsy).toEqual({ state: 'connecting' });
    await vi.waitFor(() => expect(changes).toBe(2));
    await forgetConnection();
    await vi.waitFor(() => expect(changes).toBe(3));
    unwatch();
  });
});
