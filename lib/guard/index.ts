import type { ListingText, Suggestion, SuggestionNote } from '@/lib/listing';
import { listingLanguage } from '@/lib/seo/language';
import { repairTitle, suggestOffline } from '@/lib/seo';
import { normalizeText } from '@/lib/seo/text';
import { guardDescriptionFacts, guardTitleFacts } from './facts';
import { inventedClaims, listingVocabulary } from './invention';
import { inOtherLanguage, languageNote, tagLanguageProblem } from './language';
import { droppedTagNote, tagProblem } from './tags';

export interface GuardedSuggestion {
  suggestion: Suggestion;
  notes: SuggestionNote[];
}

const quote = (words: readonly string[]): string => words.map((w) => `“${w}”`).join(', ');

/** What the seller has now, fixed only where Etsy would reject it. */
function currentTitleFallback(listing: ListingText): string {
  return repairTitle(listing.title).value || normalizeText(listing.title);
}

/**
 * The guardrails every suggestion passes before the seller sees it, whichever engine wrote it
 * (offline rules or any model): same language as the listing, no invented material, colour or
 * quantity, every fact of the current title kept, tags that are whole buyer phrases. A field
 * that fails is put back to the seller's own text, and each decision is a note in the review.
 */
export function guardSuggestion(listing: ListingText, suggestion: Suggestion): GuardedSuggestion {
  const notes: SuggestionNote[] = [];
  const language = listingLanguage(listing);
  const known = listingVocabulary(listing);

  let title = suggestion.title.value;
  let titleReasons = suggestion.title.reasons;
  const titleLanguage = inOtherLanguage(title, language);
  const titleClaims = inventedClaims(title, known);
  if (titleLanguage) {
    const kept = currentTitleFallback(listing);
    notes.push(languageNote('title', title, titleLanguage, language, kept));
    title = kept;
  } else if (titleClaims.length > 0) {
    const kept = currentTitleFallback(listing);
    notes.push({
      field: 'title',
      original: title,
      kept,
      why: `Kept your title: the suggestion says ${quote(titleClaims)}, which your listing never mentions.`,
    });
    title = kept;
  }
  const facts = guardTitleFacts(listing.title, title);
  notes.push(...facts.notes);
  if (facts.value !== suggestion.title.value) titleReasons = [];
  title = facts.value;

  let description = suggestion.description.value;
  let descriptionReasons = suggestion.description.reasons;
  const current = normalizeText(listing.description);
  const descriptionLanguage = inOtherLanguage(description, language);
  const descriptionClaims = inventedClaims(description, known);
  if (description !== current) {
    if (descriptionLanguage) {
      notes.push(languageNote('description', description, descriptionLanguage, language, current));
      description = current;
    } else if (descriptionClaims.length > 0) {
      notes.push({
        field: 'description',
        original: description,
        kept: current,
        why: `Kept your description: the suggestion says ${quote(descriptionClaims.slice(0, 5))}, which your listing never mentions.`,
      });
      description = current;
    } else {
      const guarded = guardDescriptionFacts(current, description);
      notes.push(...guarded.notes);
      description = guarded.value;
    }
    if (description === current) descriptionReasons = [];
  }

  const sellerTags = new Set(listing.tags.map((t) => normalizeText(t).trim().toLowerCase()));
  const tags = suggestion.tags.filter((tag) => {
    // The seller's own tags are theirs to keep; the checks are for what we add.
    if (sellerTags.has(tag.value.toLowerCase())) return true;
    const problem = tagProblem(tag.value);
    const otherLanguage = tagLanguageProblem(tag.value, language, known);
    const claims = inventedClaims(tag.value, known);
    const why =
      problem ??
      (otherLanguage === 'unrelated'
        ? 'Shares no word with your listing, so it may not be about your item or in its language'
        : otherLanguage
          ? languageNote('tags', tag.value, otherLanguage, language).why
          : claims.length > 0
            ? `Says ${quote(claims)}, which your listing never mentions`
            : null);
    if (why !== null) notes.push(droppedTagNote(tag.value, why));
    return why === null;
  });

  return {
    notes,
    suggestion: {
      title: { value: title, reasons: titleReasons },
      tags,
      description: { value: description, reasons: descriptionReasons },
    },
  };
}

/** The offline rules' suggestion, through the same guardrails as any model's. */
export function guardedOffline(listing: ListingText): GuardedSuggestion {
  return guardSuggestion(listing, suggestOffline(listing));
}
