import type { FillRequest } from '@/lib/editor/write';
import type { EtsyListingText, ListingChanges } from '@/lib/etsy/publish-schemas';
import type { ListingText, Suggestion } from '@/lib/listing';
import { MAX_TAGS, tagIdentity } from '@/lib/seo';
import { applyChoices, type Choices } from './choices';

/** Which of the editor's fields were read; an unread field is never filled or published. */
export interface Readable {
  title: boolean;
  description: boolean;
  tags: boolean;
}

interface TagEdits {
  add: string[];
  remove: string[];
}

/** The tag additions and removals the seller accepted, against the tags the page showed. */
function acceptedTagEdits(page: ListingText, suggestion: Suggestion, choices: Choices): TagEdits {
  const applied = applyChoices(page, suggestion, choices);
  const before = new Set(page.tags.map(tagIdentity));
  const after = new Set(applied.tags.map(tagIdentity));
  return {
    add: applied.tags.filter((tag) => !before.has(tagIdentity(tag))),
    remove: page.tags.filter((tag) => !after.has(tagIdentity(tag))),
  };
}

/** What "Fill into editor" writes: accepted changes to fields the page let us read. */
export function fillRequest(
  page: ListingText,
  suggestion: Suggestion,
  choices: Choices,
  readable: Readable,
): FillRequest {
  const request: FillRequest = {};
  for (const field of ['title', 'description'] as const) {
    const value = suggestion[field].value;
    if (readable[field] && choices[field] && value.trim() && value !== page[field]) {
      request[field] = value;
    }
  }
  const edits = acceptedTagEdits(page, suggestion, choices);
  if (readable.tags && (edits.add.length || edits.remove.length)) request.tags = edits;
  return request;
}

type HeldReason = 'unread' | 'rich-description';

export interface PublishPlan {
  /** Etsy's saved values with only the accepted changes applied; only fields that differ. */
  changes: Partial<ListingChanges>;
  /** Accepted changes that won't be sent, and why. */
  held: { field: keyof Readable; reason: HeldReason }[];
  /** The plan would leave the listing with no tags: the seller must confirm that. */
  emptiesTags: boolean;
}

/**
 * What a publish sends: Etsy's saved listing plus only the changes the seller accepted,
 * never the page's text. A field the page didn't let us read is never sent; a
 * description Etsy keeps as rich text isn't sent as plain text (it would lose its
 * formatting); an empty title or description is never sent.
 */
export function publishPlan(
  etsy: EtsyListingText,
  page: ListingText,
  suggestion: Suggestion,
  choices: Choices,
  readable: Readable,
): PublishPlan {
  const plan: PublishPlan = { changes: {}, held: [], emptiesTags: false };
  for (const field of ['title', 'description'] as const) {
    const value = suggestion[field].value;
    if (!choices[field] || value === page[field]) continue;
    if (!readable[field]) plan.held.push({ field, reason: 'unread' });
    else if (field === 'description' && etsy.richDescription) {
      plan.held.push({ field, reason: 'rich-description' });
    } else if (value.trim() && value !== etsy[field]) plan.changes[field] = value;
  }
  const edits = acceptedTagEdits(page, suggestion, choices);
  if (edits.add.length === 0 && edits.remove.length === 0) return plan;
  if (!readable.tags) {
    plan.held.push({ field: 'tags', reason: 'unread' });
    return plan;
  }
  const removed = new Set(edits.remove.map(tagIdentity));
  const tags = etsy.tags.filter((tag) => !removed.has(tagIdentity(tag)));
  for (const tag of edits.add) {
    const present = tags.some((t) => tagIdentity(t) === tagIdentity(tag));
    if (!present && tags.length < MAX_TAGS) tags.push(tag);
  }
  const same = tags.length === etsy.tags.length && tags.every((tag, i) => tag === etsy.tags[i]);
  if (!same) {
    plan.changes.tags = tags;
    plan.emptiesTags = tags.length === 0;
  }
  return plan;
}
