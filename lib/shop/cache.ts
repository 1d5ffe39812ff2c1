import { z } from 'zod';
import { db } from '@/lib/db';
import { ListingStateSchema } from '@/lib/etsy/schemas';
import { ShopRowSchema, type ShopRow } from './rows';

const PageRefSchema = z.object({ state: ListingStateSchema, offset: z.number().int().min(0) });

/** What the cache holds and how it got there; zod-checked on every read. */
const AuditMetaSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('api'),
    loadId: z.string(),
    startedAt: z.number(),
    /** When the last page arrived; null while loading. */
    loadedAt: z.number().nullable(),
    plan: z.object({
      pending: z.array(PageRefSchema),
      totals: z.partialRecord(ListingStateSchema, z.number().int()),
      loaded: z.number().int(),
    }),
    callsUsed: z.number().int(),
    /** The page that failed last, and why; cleared when it loads. */
    failure: z.object({ page: PageRefSchema, message: z.string() }).nullable(),
  }),
  z.object({
    source: z.literal('csv'),
    loadId: z.string(),
    fileName: z.string(),
    loadedAt: z.number(),
    found: z.array(z.string()),
    missing: z.array(z.string()),
  }),
]);
export type AuditMeta = z.infer<typeof AuditMetaSchema>;
export type ApiAuditMeta = Extract<AuditMeta, { source: 'api' }>;

export async function readAuditMeta(): Promise<AuditMeta | null> {
  const stored = await db.shopMeta.get('audit');
  const parsed = AuditMetaSchema.safeParse(stored?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeAuditMeta(meta: AuditMeta): Promise<void> {
  await db.shopMeta.put({ key: 'audit', value: meta });
}

/** Every cached row that still parses; a row from an older version is skipped, not fatal. */
export async function readCachedRows(): Promise<ShopRow[]> {
  const stored = await db.shopListings.toArray();
  return stored.flatMap(({ row }) => {
    const parsed = ShopRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function putRows(loadId: string, rows: ShopRow[]): Promise<void> {
  await db.shopListings.bulkPut(rows.map((row) => ({ key: row.key, loadId, row })));
}

/** After a complete load: listings the load didn't see are gone from the shop. */
export async function dropRowsNotFrom(loadId: string): Promise<void> {
  await db.shopListings.where('loadId').notEqual(loadId).delete();
}

/** A CSV import replaces the cache in one transaction, so a failure leaves the old audit. */
export async function replaceWithCsv(meta: Extract<AuditMeta, { source: 'csv' }>, rows: ShopRow[]) {
  await db.transaction('rw', db.shopListings, db.shopMeta, async () => {
    await db.shopListings.clear();
    await putRows(meta.loadId, rows);
    await writeAuditMeta(meta);
  });
}
