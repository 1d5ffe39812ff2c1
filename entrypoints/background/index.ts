import '@/lib/zod-config';
import { defineBackground } from '#imports';
import { mirrorDebugLogging } from '@/lib/log';
import { restrictLocalStorage } from '@/lib/settings';
import { setupEtsyHandlers } from './etsy-handlers';
import { setupModelHandlers } from './model-handlers';
import { setupPanelRelay } from './panel-relay';
import { setupShopPort } from './shop-port';
import { setupSuggestPort } from './suggest-port';

// Wiring only. Every listener is registered synchronously in main's first turn, so an
// event that wakes the worker is never missed.
export default defineBackground(() => {
  void restrictLocalStorage();
  mirrorDebugLogging();
  setupEtsyHandlers();
  setupModelHandlers();
  setupSuggestPort();
  setupShopPort();
  setupPanelRelay();
});
