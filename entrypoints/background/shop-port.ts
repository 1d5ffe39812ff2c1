import { browser } from '#imports';
import { readEtsyConnection } from '@/lib/etsy/connection-status';
import { etsyClient } from '@/lib/etsy/background-client';
import { SHOP_LOAD_PORT_NAME } from '@/lib/shop/load-protocol';
import { mayCall, SHOP_PORT_ACCESS } from '@/lib/messaging/routes';
import { classifySender } from '@/lib/messaging/sender';
import { serveShopLoad } from '@/lib/shop/serve-load';

/** Loads the shop for the shop page (see lib/shop/load-protocol). Own pages only. */
export function setupShopPort(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SHOP_LOAD_PORT_NAME) return;
    if (!mayCall(SHOP_PORT_ACCESS, classifySender(port.sender ?? {}, browser.runtime.id))) {
      port.disconnect();
      return;
    }
    serveShopLoad(port, {
      client: etsyClient,
      now: Date.now,
      shopId: async () => {
        const connection = await readEtsyConnection();
        if (connection.state === 'connected') return connection.shop.shopId;
        return {
          source: 'etsy',
          code: 'not_connected',
          message: 'Etsy is not connected.',
          action: 'Connect your shop from the toolbar popup, then load again.',
        };
      },
    });
  });
}
