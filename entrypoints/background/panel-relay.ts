import { browser } from '#imports';
import { relayPanelPort } from '@/lib/bridge/relay';
import { PANEL_PAGE } from '@/lib/bridge/names';

/** Opens the panel's port to its tab where the panel can't (Firefox): lib/bridge/relay. */
export function setupPanelRelay(): void {
  browser.runtime.onConnect.addListener((port) => {
    relayPanelPort(port, {
      extensionId: browser.runtime.id,
      panelUrl: browser.runtime.getURL(PANEL_PAGE),
      connectToTab: (tabId, name) => browser.tabs.connect(tabId, { frameId: 0, name }),
    });
  });
}
