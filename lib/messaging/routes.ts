import type { z } from 'zod';
import type { MessageType, Messages } from './protocol';
import type { SenderKind } from './sender';

/**
 * Who may call each route: the one table `handle()` enforces (README, "Permissions and
 * security"). The extension's own pages may call every route. The content script on the
 * listing editor may call only what the panel needs, and the listing routes only for the
 * listing open in its own tab. Anything else — another extension, a web page, our content
 * script on another Etsy page — is refused everywhere.
 *
 * - `pages`: the extension's own pages only (settings, secrets, model servers, connecting).
 * - `editor`: also the content script on the listing editor.
 * - `{ listing }`: also the content script on the editor of exactly that listing.
 */
export type RouteAccess<K extends MessageType> =
  'pages' | 'editor' | { listing: (request: z.output<Messages[K]['request']>) => number };

export const ROUTES: { [K in MessageType]: RouteAccess<K> } = {
  getEtsyConnection: 'editor',
  checkEtsyConnection: 'pages',
  connectEtsy: 'pages',
  disconnectEtsy: 'pages',
  getEtsyAppSetup: 'pages',
  saveEtsyApp: 'pages',
  getEtsyListing: { listing: (request) => request.listingId },
  publishListing: { listing: (request) => request.baseline.listingId },
  revertListing: { listing: (request) => request.listingId },
  listModels: 'pages',
  testModel: 'pages',
  getModelStatus: 'editor',
  saveOpenaiApiKey: 'pages',
  getOpenaiApiKeyStatus: 'pages',
  /** The panel's "All listings" link. */
  openShopPage: 'editor',
};

/** The suggestion port (lib/llm/stream-protocol): the panel's one stream. */
export const SUGGEST_PORT_ACCESS = 'editor' satisfies RouteAccess<never>;
/**
 * The panel's port to the content script in its tab, which the background opens for it in
 * Firefox (lib/bridge/relay): the panel framed in the editor only, not even our own pages.
 */
export const PANEL_RELAY_PORT_ACCESS = 'editor' satisfies RouteAccess<never>;
/** The shop page's load port (lib/shop/load-protocol): an extension page's alone. */
export const SHOP_PORT_ACCESS = 'pages' satisfies RouteAccess<never>;

/** Whether `sender` may open a route of this access before its request is read. */
export function mayCall(access: RouteAccess<never>, sender: SenderKind): boolean {
  if (sender.kind === 'extension-page') return true;
  if (sender.kind === 'untrusted') return false;
  return access !== 'pages';
}

/** For a listing route called by the editor: whether the request is about its tab's listing. */
export function isOwnListing<K extends MessageType>(
  access: RouteAccess<K>,
  sender: SenderKind,
  request: z.output<Messages[K]['request']>,
): boolean {
  if (typeof access === 'string' || sender.kind !== 'editor') return true;
  return sender.listingId !== null && access.listing(request) === sender.listingId;
}
