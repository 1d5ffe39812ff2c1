import { browser, type Browser } from 'wxt/browser';
import { createPanelFrame } from './frame';
import { PANEL_PAGE, PANEL_PORT_NAME } from './names';

/** The panel's frame on Etsy's page, and the one port its panel page opens back to this tab. */
export interface PanelMount {
  frame: HTMLIFrameElement;
  /** Hands `serve` the panel's port: now if it is already connected, else once it connects. */
  onPort(serve: (port: Browser.runtime.Port) => void): void;
  remove(): void;
}

/**
 * Adds the panel's iframe and admits the port its page opens back to this tab. The loader
 * calls this as soon as the tab is on an editor route, so the panel page loads and connects
 * while the content script's editor half is still being imported and Etsy's form is still
 * mounting; a port that connects before the editor half can serve it waits here.
 *
 * Only a port from this extension's panel page, with this mount's URL (a random token per
 * mount), while the frame is on the page and no other port is connected, is admitted; the
 * page's own scripts have no way to open one.
 */
export function mountPanelFrame(): PanelMount {
  const src = `${browser.runtime.getURL(PANEL_PAGE)}#${crypto.randomUUID()}`;
  const frame = createPanelFrame(src);
  let live: Browser.runtime.Port | null = null;
  let serve: ((port: Browser.runtime.Port) => void) | null = null;

  const onConnect = (port: Browser.runtime.Port) => {
    const fromOurFrame =
      port.name === PANEL_PORT_NAME &&
      port.sender?.id === browser.runtime.id &&
      port.sender.url === src &&
      frame.isConnected;
    if (!fromOurFrame || live) {
      port.disconnect();
      return;
    }
    live = port;
    port.onDisconnect.addListener(() => {
      if (live === port) live = null;
    });
    serve?.(port);
  };
  browser.runtime.onConnect.addListener(onConnect);
  // From document_start on there may be no <body> yet; a fixed frame needs none.
  (document.body ?? document.documentElement).append(frame);

  return {
    frame,
    onPort(next) {
      serve = next;
      if (live) next(live);
    },
    remove() {
      browser.runtime.onConnect.removeListener(onConnect);
      live?.disconnect();
      live = null;
      frame.remove();
    },
  };
}
