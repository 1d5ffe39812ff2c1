import { z } from 'zod';
import type { EtsyShopListing } from '@/lib/etsy/schemas';

/**
 * One listing of the shop audit, from Etsy's API or from the seller's listings CSV. Only
 * what the audit shows and the checker reads; `listingId` is null for a CSV without ids.
 */
export const ShopRowSchema = z.object({
  /** The cache's key: the Etsy listing id, or `csv:<line>` for a CSV row without one. */
  key: z.string(),
  listingId: z.number().int().positive().nullable(),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  materials: z.array(z.string()),
  state: z.string(),
  thumbnailUrl: z.string().nullable(),
  favourites: z.number().int().nullable(),
  /** Epoch ms; null when unknown (a CSV has no dates). */
  updatedAt: z.number().nullable(),
  price: z.string().nullable(),
  sku: z.string().nullable(),
});
export type ShopRow = z.infer<typeof ShopRowSchema>;

export function rowFromEtsy(listing: EtsyShopListing): ShopRow {
  const image = listing.images?.[0];
  return {
    key: String(listing.listing_id),
    listingId: listing.listing_id,
    title: listing.title,
    description: listing.description,
    tags: listing.tags,
    materials: listing.materials,
    state: listing.state,
    thumbnailUrl: image?.url_75x75 ?? image?.url_170x135 ?? null,
    favourites: listing.num_favorers ?? null,
    updatedAt: listing.last_modified_timestamp ? listing.last_modified_timestamp * 1000 : null,
    price: null,
    sku: null,
  };
}

/** Where the seller edits this listing on Etsy; without an id, the listings manager searched by title. */
export function editorUrl(row: Pick<ShopRow, 'listingId' | 'title'>): string {
  if (row.listingId !== null) {
    return `https://www.etsy.com/your/shops/me/listing-editor/edit/${row.listingId}`;
  }
  const url = new URL('https://www.etsy.com/your/shops/me/tools/listings');
  url.searchParams.set('search_query', row.title);
  return url.toString();
}

/** The listing's public page, when it has an id. */
export function listingUrl(row: Pick<ShopRow, 'listingId'>): string | null {
  return row.listingId === null ? null : `https://www.etsy.com/listing/${row.listingId}`;
}
