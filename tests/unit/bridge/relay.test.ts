import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { relayPanelPort } from '@/lib/bridge/relay';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL_URL = `chrome-extension://${EXTENSION_ID}/panel.html`;
const EDITOR_TAB = {
  id: 7,
  url: 'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890',
};

/** Both ends of one port: what was posted to each side, and whether it was closed. */
function fakePort(name: string, sender?: Browser.runtime.MessageSender) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    closed: false,
    postMessage: (message: unknown) => port.posted.push(message),
    disconnect: () => {
      port.closed = true;
    },
    onMessage: {
      addListener: (listener: (message: unknown) => void) => messageListeners.push(listener),
    },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    /** The far end sends. */
    receive: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The far end goes. */
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
  return port;
}

function relay(panel: ReturnType<typeof fakePort>) {
  const opened: { tabId: number; name: string; port: ReturnType<typeof fakePort> }[] = [];
  const handled = relayPanelPort(panel as unknown as Browser.runtime.Port, {
    extensionId: EXTENSION_ID,
    panelUrl: PANEL_URL,
    connectToTab: (tabId, name) => {
      const port = fakePort(name);
      opened.push({ tabId, name, port });
      return port as unknown as Browser.runtime.Port;
    },
  });
  return { handled, opened };
}

describe('the panel relay (Firefox: the framed panel has no tabs API)', () => {
  it('opens the panel’s port to its editor tab’s top frame and passes messages both ways', () => {
    fakeBrowser.runtime.id = EXTENSION_ID;
    const panel = fakePort('panel-bridge:token-1', {
      id: EXTENSION_ID,
      url: `${PANEL_URL}#token-1`,
      tab: EDITOR_TAB as Browser.tabs.Tab,
      frameId: 3,
    });
    const { handled, opened } = relay(panel);
    expect(handled).toBe(true);
    expect(opened.map(({ tabId, name }) => ({ tabId, name }))).toEqual([
      { tabId: 7, name: 'panel-bridge:token-1' },
    ]);
    const page = opened[0]!.port;
    page.receive({ type: 'hello' });
    panel.receive({ type: 'place' });
    expect(panel.posted).toEqual([{ type: 'hello' }]);
    expect(page.posted).toEqual([{ type: 'place' }]);
    // The page going (the seller left the editor) closes the panel's end, and back.
    page.drop();
    expect(panel.closed).toBe(true);
    panel.drop();
    expect(page.closed).toBe(true);
  });

  it.each([
    ['our content script', { url: EDITOR_TAB.url, tab: EDITOR_TAB, frameId: 0 }],
    [
      'our popup, opened in a tab',
      { url: `chrome-extension://${EXTENSION_ID}/popup.html`, tab: EDITOR_TAB, frameId: 0 },
    ],
    [
      'the panel framed on another Etsy page',
      {
        url: `${PANEL_URL}#t`,
        tab: { id: 7, url: 'https://www.etsy.com/your/orders' },
        frameId: 3,
      },
    ],
    [
      'another extension’s panel',
      {
        id: 'otherextensionidotherextensionid',
        url: `${PANEL_URL}#t`,
        tab: EDITOR_TAB,
        frameId: 3,
      },
    ],
  ])('refuses %s and opens nothing', (_who, sender) => {
    fakeBrowser.runtime.id = EXTENSION_ID;
    const panel = fakePort('panel-bridge:t', { id: EXTENSION_ID, ...sender } as never);
    const { handled, opened } = relay(panel);
    expect(handled).toBe(true);
    expect(opened).toEqual([]);
    expect(panel.closed).toBe(true);
  });

  it('leaves every other port to its own listener', () => {
    fakeBrowser.runtime.id = EXTENSION_ID;
    const port = fakePort('suggest', {
      id: EXTENSION_ID,
      url: `${PANEL_URL}#t`,
      tab: EDITOR_TAB as Browser.tabs.Tab,
      frameId: 3,
    });
    const { handled, opened } = relay(port);
    expect(handled).toBe(false);
    expect(opened).toEqual([]);
    expect(port.closed).toBe(false);
  });
});
