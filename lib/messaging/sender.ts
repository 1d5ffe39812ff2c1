/** The parts of `runtime.MessageSender` that decide whether we trust a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  /** 0 for a tab's top frame; set only when the sender runs in a tab. */
  frameId?: number;
}

const ETSY_ORIGIN = 'https://www.etsy.com';

/**
 * How far a sender is trusted:
 * - `extension`: the extension's own pages as pages of their own (popup, options, also when
 *   opened in a tab). Everything, settings and secrets included.
 * - `tab`: code that works for one Etsy tab: the content script on www.etsy.com, and the
 *   panel, which is an extension page but embedded in that tab's page (an iframe: `tab` set,
 *   `frameId` not 0). It gets only what the panel needs, never more than the content script.
 * - null: refused (another extension, a web page, a look-alike, a content script elsewhere).
 */
export type SenderTrust = 'extension' | 'tab';

export function senderTrust(sender: SenderInfo, extensionId: string): SenderTrust | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol.endsWith('-extension:')) {
    if (url.host !== extensionId) return null;
    const embeddedInTab = Boolean(sender.tab) && sender.frameId !== 0;
    return embeddedInTab ? 'tab' : 'extension';
  }
  // Our content script: it runs only in tabs, only on www.etsy.com.
  return Boolean(sender.tab) && url.origin === ETSY_ORIGIN ? 'tab' : null;
}

/** Whether to answer at all; what a route allows depends on `senderTrust`. */
export function isTrustedSender(sender: SenderInfo, extensionId: string): boolean {
  return senderTrust(sender, extensionId) !== null;
}
