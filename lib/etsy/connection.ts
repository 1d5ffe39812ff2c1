import { z } from 'zod';

export const EtsyShopSchema = z.object({
  shopId: z.number(),
  name: z.string(),
  iconUrl: z.string().nullable(),
});
export type EtsyShop = z.infer<typeof EtsyShopSchema>;

/** What the popup and panel know about the Etsy connection. Never carries a token. */
export const EtsyConnectionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_configured') }),
  z.object({ state: z.literal('not_connected') }),
  z.object({ state: z.literal('connecting') }),
  z.object({
    state: z.literal('connected'),
    shop: EtsyShopSchema,
    canWrite: z.boolean(),
  }),
  z.object({ state: z.literal('reconnect_needed'), message: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
]);
export type EtsyConnection = z.infer<typeof EtsyConnectionSchema>;
