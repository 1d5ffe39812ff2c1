import { z } from 'zod';
import { db } from '@/lib/db';
import { SuggestionSchema } from '@/lib/listing';

/**
 * A bulk batch: the listings chosen together, each one's suggestion, the seller's
 * decision, and what publishing and reverting did. Saved after every step, so a stopped
 * worker or a closed page loses nothing: reopening shows where it stopped and resumes.
 */
const TextSchema = z.object({
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  materials: z.array(z.string()),
});

const BatchStageSchema = z.enum([
  'queued',
  'suggesting',
  'suggested',
  'suggest-failed',
  'accepted',
  'skipped',
  'published',
  'conflict',
  'publish-failed',
  'reverted',
  'revert-conflict',
  'revert-failed',
]);
export type BatchStage = z.infer<typeof BatchStageSchema>;

const BatchItemSchema = z.object({
  key: z.string(),
  listingId: z.number().int().positive(),
  /** The listing as the seller saw it: the publish's conflict baseline. */
  before: TextSchema,
  stage: BatchStageSchema,
  suggestion: SuggestionSchema.nullable(),
  engine: z.string().nullable(),
  /** What the seller accepted: the text to publish. */
  applied: z
    .object({ title: z.string(), description: z.string(), tags: z.array(z.string()) })
    .nullable(),
  snapshotId: z.number().int().nullable(),
  /** Why a step failed or was refused, for the seller. */
  message: z.string().nullable(),
});
export type BatchItem = z.infer<typeof BatchItemSchema>;

const BatchSchema = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  items: z.array(BatchItemSchema),
  /** The seller closed it; the page no longer offers it. */
  closed: z.boolean().default(false),
});
export type Batch = z.infer<typeof BatchSchema>;

export type NewBatchItem = Pick<BatchItem, 'key' | 'listingId' | 'before'>;

export async function createBatch(listings: NewBatchItem[], now = Date.now()): Promise<Batch> {
  const items: BatchItem[] = listings.map((listing) => ({
    ...listing,
    stage: 'queued',
    suggestion: null,
    engine: null,
    applied: null,
    snapshotId: null,
    message: null,
  }));
  const id = await db.shopBatches.add({ createdAt: now, value: { items, closed: false } });
  return { id: id!, createdAt: now, items, closed: false };
}

export async function saveBatch(batch: Batch): Promise<void> {
  await db.shopBatches.put({
    id: batch.id,
    createdAt: batch.createdAt,
    value: { items: batch.items },
  });
}

/** The newest batch, if it still parses. */
export async function latestBatch(): Promise<Batch | null> {
  const row = await db.shopBatches.orderBy('createdAt').last();
  if (!row) return null;
  const parsed = BatchSchema.safeParse({
    id: row.id,
    createdAt: row.createdAt,
    ...(row.value as object),
  });
  return parsed.success && !parsed.data.closed ? parsed.data : null;
}

export function withItem(batch: Batch, key: string, change: Partial<BatchItem>): Batch {
  return {
    ...batch,
    items: batch.items.map((item) => (item.key === key ? { ...item, ...change } : item)),
  };
}

export function count(batch: Batch, ...stages: BatchStage[]): number {
  return batch.items.filter((item) => stages.includes(item.stage)).length;
}

/** The `n` lowest scores that can be published (they have an Etsy id). */
export function lowestScores<T extends { key: string; score: number; listingId: number | null }>(
  rows: readonly T[],
  n: number,
): string[] {
  return rows
    .filter((row) => row.listingId !== null)
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, n)
    .map((row) => row.key);
}

/** Only the fields the seller's accepted text changes: what a publish sends. */
export function changesFrom(
  before: BatchItem['before'],
  applied: NonNullable<BatchItem['applied']>,
): Partial<NonNullable<BatchItem['applied']>> {
  const changes: Partial<NonNullable<BatchItem['applied']>> = {};
  if (applied.title !== before.title) changes.title = applied.title;
  if (applied.description !== before.description) changes.description = applied.description;
  const sameTags =
    applied.tags.length === before.tags.length &&
    applied.tags.every((tag, i) => tag === before.tags[i]);
  if (!sameTags) changes.tags = applied.tags;
  return changes;
}
