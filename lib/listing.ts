import { z } from 'zod';

/** The SEO-relevant text of one listing, as read from the editor or from Etsy's API. */
export const ListingTextSchema = z.object({
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  materials: z.array(z.string()),
  /** Category path from the root, e.g. ['Home & Living', 'Home Decor', 'Wall Decor']; [] when unknown. */
  categoryPath: z.array(z.string()),
});
export type ListingText = z.infer<typeof ListingTextSchema>;

/** One suggested tag with the reason it was chosen. */
const SuggestedTagSchema = z.object({
  value: z.string(),
  reason: z.string(),
});

/**
 * Suggestions for one listing, whichever engine produced them (offline rules or a model).
 * Every value here must pass Etsy's validity rules before it is shown or applied.
 */
export const SuggestionSchema = z.object({
  title: z.object({ value: z.string(), reasons: z.array(z.string()) }),
  tags: z.array(SuggestedTagSchema),
  description: z.object({ value: z.string(), reasons: z.array(z.string()) }),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/**
 * One thing the checks changed or refused in a suggestion before the seller saw it, e.g. a tag
 * dropped as a cut fragment, or "kept '14 oz' from your title".
 */
export const SuggestionNoteSchema = z.object({
  field: z.enum(['title', 'tags', 'description']),
  /** What the engine suggested. */
  original: z.string(),
  /** What we kept instead; absent when it was dropped. */
  kept: z.string().optional(),
  why: z.string(),
});
export type SuggestionNote = z.infer<typeof SuggestionNoteSchema>;
