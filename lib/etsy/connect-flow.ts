import { readSecret } from '@/lib/secrets';
import { checkAppCredentials } from './app-credentials';
import { EtsyClient } from './client';
import type { Clock } from './clock';
import type { EtsyConnection } from './connection-schemas';
import { readEtsyConnection } from './connection-status';
import { EtsyError } from './errors';
import {
  buildAuthorizeUrl,
  ETSY_SCOPES,
  exchangeAuthorizationCode,
  readAuthorizationRedirect,
} from './oauth';
import { codeChallengeS256, createCodeVerifier, createOAuthState } from './pkce';
import { saveConnection, setConnectionIssue } from './connection-store';
import { fixedAccessToken, tokensFromGrant } from './tokens';

export interface ConnectDeps {
  fetch: typeof fetch;
  clock: Clock;
  /** `identity.getRedirectURL()`: the callback URL registered with the seller's Etsy app. */
  redirectUri: string;
  /** `identity.launchWebAuthFlow({ interactive: true })`: resolves with Etsy's redirect. */
  authorize: (url: string) => Promise<string | undefined>;
}

let running: Promise<EtsyConnection> | null = null;

/** A second Connect click while Etsy's window is open joins the flow already running. */
export function connectToEtsyOnce(deps: ConnectDeps): Promise<EtsyConnection> {
  running ??= connectToEtsy(deps).finally(() => {
    running = null;
  });
  return running;
}

/**
 * The whole OAuth 2.0 + PKCE connection, run by the background (the popup closes as soon
 * as Etsy's window opens). Progress and failures are stored, so a reopened popup shows them.
 * @internal exported for its unit test
 */
export async function connectToEtsy(deps: ConnectDeps): Promise<EtsyConnection> {
  const app = await readSecret('etsyApp');
  if (!app) return { state: 'not_configured' };
  await setConnectionIssue('connecting', 'Connecting to Etsy…');
  try {
    // Wrong credentials would otherwise surface only after the seller has approved access.
    await checkAppCredentials(deps.fetch, app);
    const codeVerifier = createCodeVerifier();
    const state = createOAuthState();
    const redirect = await openEtsyConsent(
      deps,
      buildAuthorizeUrl({
        clientId: app.keystring,
        redirectUri: deps.redirectUri,
        state,
        codeChallenge: await codeChallengeS256(codeVerifier),
      }),
    );
    const code = readAuthorizationRedirect(redirect, state);
    const grant = await exchangeAuthorizationCode(
      { fetch: deps.fetch, app },
      { code, codeVerifier, redirectUri: deps.redirectUri },
    );
    const client = new EtsyClient({
      fetch: deps.fetch,
      clock: deps.clock,
      app: async () => app,
      tokens: fixedAccessToken(grant.access_token),
    });
    const me = await client.getMe();
    const shop = await client.getShop(me.shop_id);
    await saveConnection(
      {
        ...tokensFromGrant(grant, deps.clock.now()),
        userId: me.user_id,
        shopId: me.shop_id,
        scopes: [...ETSY_SCOPES],
      },
      { shopId: shop.shop_id, name: shop.shop_name, iconUrl: shop.icon_url_fullxfull ?? null },
    );
  } catch (error) {
    const message =
      error instanceof EtsyError
        ? [error.message, error.action].filter(Boolean).join(' ')
        : 'Connecting to Etsy failed unexpectedly. Try again.';
    await setConnectionIssue('error', message);
  }
  return readEtsyConnection();
}

async function openEtsyConsent(deps: ConnectDeps, url: string): Promise<string> {
  let redirect: string | undefined;
  try {
    redirect = await deps.authorize(url);
  } catch (error) {
    // Chromium rejects with "The user did not approve access." when the window is closed.
    const closed = error instanceof Error && /did not approve|closed|cancel/i.test(error.message);
    throw new EtsyError(
      closed ? 'auth_window_closed' : 'oauth',
      closed
        ? 'The Etsy window was closed before you allowed access. Click Connect to try again.'
        : 'Etsy’s sign-in page could not be opened. Check your connection and try again.',
    );
  }
  if (!redirect) throw new EtsyError('auth_window_closed', 'Etsy did not answer. Try again.');
  return redirect;
}
