import type { ListingText, Suggestion } from '@/lib/listing';
import { MAX_TAGS, tagIdentity } from '@/lib/seo';

export interface TagDiff {
  kept: string[];
  added: string[];
  removed: string[];
}

/** Current tags against suggested ones, compared the way Etsy compares tags. */
export function diffTags(current: string[], suggested: string[]): TagDiff {
  const suggestedIds = new Set(suggested.map(tagIdentity));
  const currentIds = new Set(current.map(tagIdentity));
  return {
    kept: current.filter((tag) => suggestedIds.has(tagIdentity(tag))),
    added: suggested.filter((tag) => !currentIds.has(tagIdentity(tag))),
    removed: current.filter((tag) => !suggestedIds.has(tagIdentity(tag))),
  };
}

/**
 * What the seller accepted. Each field on its own; each added tag and each removal on
 * its own (keyed by tag identity).
 */
export interface Choices {
  title: boolean;
  description: boolean;
  addTag: Record<string, boolean>;
  removeTag: Record<string, boolean>;
}

export function defaultChoices(current: ListingText, suggestion: Suggestion): Choices {
  const diff = diffTags(
    current.tags,
    suggestion.tags.map((tag) => tag.value),
  );
  return {
    title: suggestion.title.value !== current.title,
    description: suggestion.description.value !== current.description,
    addTag: Object.fromEntries(diff.added.map((tag) => [tagIdentity(tag), true])),
    removeTag: Object.fromEntries(diff.removed.map((tag) => [tagIdentity(tag), true])),
  };
}

export interface AppliedText {
  title: string;
  description: string;
  tags: string[];
}

/**
 * The listing text the seller's choices produce. Tags keep the current ones the seller
 * did not agree to remove, then add accepted ones in the suggestion's ranked order,
 * never past Etsy's 13.
 */
export function applyChoices(
  current: ListingText,
  suggestion: Suggestion,
  choices: Choices,
): AppliedText {
  const diff = diffTags(
    current.tags,
    suggestion.tags.map((tag) => tag.value),
  );
  const tags = current.tags.filter((tag) => !choices.removeTag[tagIdentity(tag)]);
  for (const tag of diff.added) {
    if (tags.length >= MAX_TAGS) break;
    if (choices.addTag[tagIdentity(tag)]) tags.push(tag);
  }
  return {
    title: choices.title ? suggestion.title.value : current.title,
    description: choices.description ? suggestion.description.value : current.description,
    tags,
  };
}
