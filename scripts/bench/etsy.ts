import type { BrowserContext } from '@playwright/test';
import type { FakeEtsy } from '../../tests/peers/etsy/server';
import type { BenchRow } from './table';

export async function benchEtsyCalls(
  _context: BrowserContext,
  _extensionId: string,
  _etsy: FakeEtsy,
): Promise<BenchRow[]> {
  return [{ measure: 'Etsy API calls per listing', value: 'not measured yet', ok: false }];
}
