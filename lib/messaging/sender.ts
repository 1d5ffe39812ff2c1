import { browser } from '#imports';
import { parseEditorRoute } from '@/lib/editor/route';

/** The parts of `runtime.MessageSender` that decide whether we trust a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string } | unknown;
  /** 0 for a tab's top frame; set only when the sender runs in a tab. */
  frameId?: number;
}

/**
 * Who sent a message, as far as the routes care:
 * - `extension-page`: one of this extension's own pages (popup, options), also in a tab;
 * - `editor`: this extension's content script, or its panel framed in the page, on Etsy's
 *   listing editor, with the listing open in its tab (null for a new listing or a copy, which has no listing of its own yet);
 * - `untrusted`: everything else — another extension, a web page, our content script on
 *   any other Etsy page.
 */
export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'editor'; tabId: number | undefined; listingId: number | null }
  | { kind: 'untrusted' };

const ETSY_ORIGIN = 'https://www.etsy.com';

/**
 * Where this extension's own pages live. Chrome: chrome-extension://<id>. Firefox:
 * moz-extension://<a uuid of this install>, which is not the add-on id.
 */
function ownPagesOrigin(): string {
  return schemeAndHost(new URL(browser.runtime.getURL('/')));
}

/** `URL.origin` is "null" for extension schemes outside Chromium. */
function schemeAndHost(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function parse(href: string | undefined): URL | null {
  if (!href) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  pagesOrigin = ownPagesOrigin(),
): SenderKind {
  const untrusted = { kind: 'untrusted' } as const;
  const url = parse(sender.url);
  if (sender.id !== extensionId || !url) return untrusted;
  const tab = sender.tab as { id?: number; url?: string } | undefined;
  if (url.protocol.endsWith('-extension:')) {
    if (schemeAndHost(url) !== pagesOrigin) return untrusted;
    // Our own pages, also when opened in a tab (its top frame). The panel is an extension page
    // too, but framed inside Etsy's editor: it gets what the editor gets, never more.
    const framedInTab = Boolean(tab) && sender.frameId !== 0;
    if (!framedInTab) return { kind: 'extension-page' };
  } else if (!tab || url.origin !== ETSY_ORIGIN) {
    // Our content script runs only in tabs, only on www.etsy.com.
    return untrusted;
  }
  // The editor: the tab's own URL says which listing is open there.
  if (!tab) return untrusted;
  const route = parseEditorRoute(tab.url ?? '');
  if (!route || parse(tab.url)?.origin !== ETSY_ORIGIN) return untrusted;
  return {
    kind: 'editor',
    tabId: tab.id,
    listingId: route.mode === 'edit' ? Number(route.listingId) : null,
  };
}
