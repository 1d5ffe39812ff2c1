import { z } from 'zod';
import { UserErrorSchema } from '@/lib/messaging/errors';
import { ShopRowSchema } from './rows';

/**
 * The port contract for loading the shop through Etsy's API (runtime.connect): the shop
 * page posts `start` (from scratch, or carrying on from where the last load stopped) and
 * may post `cancel`; the background answers with a `page` per page of results as it
 * arrives and ends with `done`, `failed` or `cancelled`. Disconnecting cancels too. The
 * shop page is an extension page: this port is for the extension's own pages only.
 */
export const SHOP_LOAD_PORT_NAME = 'shop-load';

export const ShopLoadClientSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), mode: z.enum(['fresh', 'resume']) }),
  z.object({ type: z.literal('cancel') }),
]);

const ProgressSchema = z.object({
  loaded: z.number().int(),
  /** Null until every state's count is known (its first page has arrived). */
  total: z.number().int().nullable(),
  /** Etsy API calls this load has made, retries included. */
  callsUsed: z.number().int(),
  remainingToday: z.number().int().nullable(),
  limitPerDay: z.number().int().nullable(),
});
export type ShopLoadProgress = z.infer<typeof ProgressSchema>;

export const ShopLoadServerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), rows: z.array(ShopRowSchema), progress: ProgressSchema }),
  z.object({ type: z.literal('done'), loadedAt: z.number(), progress: ProgressSchema }),
  z.object({
    type: z.literal('failed'),
    /** The part of the shop that didn't load, e.g. "draft listings 201–300". */
    part: z.string(),
    error: UserErrorSchema,
    progress: ProgressSchema,
  }),
  z.object({ type: z.literal('cancelled'), progress: ProgressSchema }),
]);
export type ShopLoadServerMessage = z.infer<typeof ShopLoadServerSchema>;
