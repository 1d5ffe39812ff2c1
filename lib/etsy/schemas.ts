import { z } from 'zod';

/**
 * The parts of Etsy's responses we use (OpenAPI components `Self`, `Shop`,
 * `ShopListing`, …). Unused fields pass through unchecked: Etsy adds fields often.
 */
export const TokenGrantSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
});
export type TokenGrant = z.infer<typeof TokenGrantSchema>;

export const SelfSchema = z.object({ user_id: z.number().int(), shop_id: z.number().int() });

export const ShopSchema = z.object({
  shop_id: z.number().int(),
  shop_name: z.string(),
  icon_url_fullxfull: z.string().nullish(),
});

export const ListingSchema = z.object({
  listing_id: z.number().int(),
  shop_id: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** HTML, when the seller wrote the description in Etsy's rich-text editor. */
  rich_description: z.string().nullish(),
  state: z.string(),
  tags: z.array(z.string()),
  materials: z.array(z.string()),
});
export type EtsyListing = z.infer<typeof ListingSchema>;

export const ListingsPageSchema = z.object({
  count: z.number().int(),
  results: z.array(ListingSchema),
});

export const ListingStateSchema = z.enum(['active', 'inactive', 'sold_out', 'draft', 'expired']);
export type ListingState = z.infer<typeof ListingStateSchema>;

/** A listing as getListingsByShop answers with `includes=Images`: what the shop audit shows. */
const ShopListingSchema = ListingSchema.extend({
  url: z.string().nullish(),
  num_favorers: z.number().int().nullish(),
  last_modified_timestamp: z.number().int().nullish(),
  images: z
    .array(z.object({ url_75x75: z.string().nullish(), url_170x135: z.string().nullish() }))
    .nullish(),
});
export type EtsyShopListing = z.infer<typeof ShopListingSchema>;

export const ShopListingsPageSchema = z.object({
  count: z.number().int(),
  results: z.array(ShopListingSchema),
});
export type EtsyShopListingsPage = z.infer<typeof ShopListingsPageSchema>;
