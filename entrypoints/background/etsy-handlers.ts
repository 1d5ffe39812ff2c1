import { readEtsyConnection } from '@/lib/etsy/connection-state';
import { handle } from '@/lib/messaging/handle';

export function setupEtsyHandlers(): void {
  handle('getEtsyConnection', () => readEtsyConnection());
}
