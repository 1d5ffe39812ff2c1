import { z } from 'zod';
import { MAX_TAGS, isValidTag, isValidTitle, tagIdentity } from '@/lib/seo';
import { UserErrorSchema } from '@/lib/messaging/errors';

/** The SEO text of a listing as Etsy has it saved. */
export const EtsyListingTextSchema = z.object({
  listingId: z.number().int().positive(),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  /** Etsy keeps a rich-text (HTML) description too: a plain one sent back would lose its formatting. */
  richDescription: z.boolean().optional(),
});
export type EtsyListingText = z.infer<typeof EtsyListingTextSchema>;

const TagsSchema = z
  .array(z.string())
  .max(MAX_TAGS, `Etsy allows at most ${MAX_TAGS} tags.`)
  .refine((tags) => tags.every(isValidTag), 'A tag breaks Etsy’s rules (characters or length).')
  .refine(
    (tags) => new Set(tags.map(tagIdentity)).size === tags.length,
    'Two tags are the same; Etsy refuses duplicates.',
  );

/** What a publish may change. Invalid values are refused here, before Etsy ever sees them. */
const ListingChangesSchema = z
  .object({
    title: z
      .string()
      .refine((title) => title.trim().length > 0, 'The title can’t be empty.')
      .refine(isValidTitle, 'The title breaks Etsy’s rules.')
      .optional(),
    description: z.string().trim().min(1, 'The description can’t be empty.').optional(),
    tags: TagsSchema.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'There is nothing to publish.');
export type ListingChanges = z.infer<typeof ListingChangesSchema>;

export const PublishRequestSchema = z
  .object({
    /** The listing as it was read from Etsy when the seller opened it. */
    baseline: EtsyListingTextSchema,
    changes: ListingChangesSchema,
    /** The seller confirmed removing every tag; without it an empty tag list is refused. */
    emptyTagsConfirmed: z.literal(true).optional(),
  })
  .refine(
    (request) => request.changes.tags?.length !== 0 || request.emptyTagsConfirmed,
    'Removing every tag needs your confirmation.',
  );

const FieldConflictSchema = z.object({
  field: z.enum(['title', 'description', 'tags']),
  /** What the seller started from. */
  expected: z.string(),
  /** What Etsy has now. */
  actual: z.string(),
});
export type FieldConflict = z.infer<typeof FieldConflictSchema>;

/** Outcome of a publish or a revert: done, refused because Etsy changed meanwhile, or failed. */
export const WriteOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('done'),
    /** The snapshot Revert restores; null when nothing was sent (the values were already on Etsy). */
    snapshotId: z.number().int().nullable(),
    listing: EtsyListingTextSchema,
    /** Etsy already had these values: nothing was sent (again). */
    alreadyApplied: z.boolean(),
  }),
  z.object({ status: z.literal('conflict'), conflicts: z.array(FieldConflictSchema) }),
  z.object({ status: z.literal('failed'), error: UserErrorSchema }),
]);
export type WriteOutcome = z.infer<typeof WriteOutcomeSchema>;
