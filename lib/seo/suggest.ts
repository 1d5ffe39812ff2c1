import type { ListingText, Suggestion } from '../listing';
import { ItemVocabulary } from './item';
import { listingLanguage } from './language';
import { suggestDescription } from './suggest-description';
import { suggestTags } from './suggest-tags';
import { suggestTitle } from './suggest-title';

/** Suggestions from rules alone (no model); every value passes Etsy's validity rules by construction. */
export function suggestOffline(listing: ListingText): Suggestion {
  const language = listingLanguage(listing);
  const vocab = new ItemVocabulary(listing, language);
  const title = suggestTitle(listing, vocab, language);
  const tags = suggestTags(listing, vocab, title.value, language);
  const description = suggestDescription(listing, vocab, title.value, title.movedToDescription);
  return {
    title: { value: title.value, reasons: title.reasons },
    tags,
    description,
  };
}
