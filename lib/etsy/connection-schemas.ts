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

/** What the options page may know about the Etsy app: never the shared secret. */
export const EtsyAppSetupSchema = z.object({ keystring: z.string().nullable() });

export const EtsyAppInputSchema = z.object({
  keystring: z
    .string()
    .trim()
    .min(1, 'Enter the keystring.')
    .regex(/^[^:\s]+$/, 'The keystring has no spaces or colons.'),
  sharedSecret: z
    .string()
    .trim()
    .min(1, 'Enter the shared secret.')
    .regex(/^[^:\s]+$/, 'The shared secret has no spaces or colons.'),
});
