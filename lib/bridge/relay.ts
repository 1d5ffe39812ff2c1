import type { Browser } from 'wxt/browser';
import { mayCall, PANEL_RELAY_PORT_ACCESS } from '@/lib/messaging/routes';
import { classifySender } from '@/lib/messaging/sender';
import { isPanelPortName } from './names';

type Port = Browser.runtime.Port;

/** The editor tab whose page frames the panel page that opened `port`; null for any other port. */
function editorTabOfPanel(port: Port, extensionId: string, panelUrl: string): number | null {
  const sender = port.sender ?? {};
  if (!sender.url?.startsWith(`${panelUrl}#`)) return null;
  const kind = classifySender(sender, extensionId);
  // Only the editor kind names the tab to open the port to.
  if (!mayCall(PANEL_RELAY_PORT_ACCESS, kind) || kind.kind !== 'editor') return null;
  return kind.tabId ?? null;
}

/**
 * Firefox gives an extension page framed in a web page no `tabs` API, so the panel there
 * can't open its port to the content script in its own tab. The background opens it on the
 * panel's behalf, to that tab's top frame under the same name (the content script checks the
 * token in it), and passes messages both ways until either end goes. Returns false for a
 * port that isn't a panel's, so other listeners may take it.
 */
export function relayPanelPort(
  panel: Port,
  env: {
    extensionId: string;
    panelUrl: string;
    connectToTab: (tabId: number, name: string) => Port;
  },
): boolean {
  if (!isPanelPortName(panel.name)) return false;
  const tabId = editorTabOfPanel(panel, env.extensionId, env.panelUrl);
  if (tabId === null) {
    panel.disconnect();
    return true;
  }
  const page = env.connectToTab(tabId, panel.name);
  page.onMessage.addListener((message: unknown) => panel.postMessage(message));
  panel.onMessage.addListener((message: unknown) => page.postMessage(message));
  page.onDisconnect.addListener(() => panel.disconnect());
  panel.onDisconnect.addListener(() => page.disconnect());
  return true;
}
