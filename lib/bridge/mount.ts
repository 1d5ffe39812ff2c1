import { browser, type Browser } from 'wxt/browser';
import { createPanelFrame } from './frame';
import { PANEL_PAGE, panelPortName } from './names';

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
 * Only a port from this extension named with this mount's token (a random one per mount, in
 * the frame's URL), while the frame is on the page and no other port is connected, is
 * admitted; the page's own scripts have no way to open one. (In Firefox the background opens
 * it on the panel's behalf: lib/bridge/relay.ts.)
 */
export function mountPanelFrame(): PanelMount {
  const token = crypto.randomUUID();
  const src = `${browser.runtime.getURL(PANEL_PAGE)}#${token}`;
  const frame = createPanelFrame(src);
  let live: Browser.runtime.Port | null = null;
  let serve: ((port: Browser.runtime.Port) => void) | null = null;

  const onConnect = (port: Browser.runtime.Port) => {
    const fromOurFrame =
      port.name === panelPortName(token) &&
      port.sender?.id === browser.runtime.id &&
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
