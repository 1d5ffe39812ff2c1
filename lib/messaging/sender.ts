import { browser } from '#imports';

/** The parts of `runtime.MessageSender` that decide whether we trust a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

const ETSY_ORIGIN = 'https://www.etsy.com';

/**
 * Where this extension's own pages live. Chrome: chrome-extension://<id>. Firefox:
 * moz-extension://<a uuid of this install>, which is not the add-on id.
 */
export function ownPagesOrigin(): string {
  return schemeAndHost(new URL(browser.runtime.getURL('/')));
}

/** `URL.origin` is "null" for extension schemes outside Chromium. */
function schemeAndHost(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * A message is trusted only when it comes from this extension: one of its own pages
 * (popup, options) or its content script running on www.etsy.com. Anything else —
 * another extension, a web page, a content script frame elsewhere — is refused.
 */
export function isTrustedSender(
  sender: SenderInfo,
  extensionId: string,
  pagesOrigin = ownPagesOrigin(),
): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // Our own pages, also when opened in a tab.
  if (url.protocol.endsWith('-extension:')) return schemeAndHost(url) === pagesOrigin;
  // Our content script: it runs only in tabs, only on www.etsy.com.
  return Boolean(sender.tab) && url.origin === ETSY_ORIGIN;
}
