import type { SuggestionNote } from '@/lib/listing';
import { detectLanguage, LANGUAGE_NAMES, markerWords, type Language } from '@/lib/seo/language';
import { PRODUCT_NOUN_STEMS } from '@/lib/seo/lexicon';
import { isStopword, wordsOf } from '@/lib/seo/text';

/**
 * The suggestion stays in the listing's language: a field written in another language is
 * refused (never translated back), because a seller selling in German searches in German.
 */
export function inOtherLanguage(text: string, listing: Language): Language | null {
  if (listing === 'unknown' || listing === 'other') return null;
  const found = detectLanguage(text);
  return found !== 'unknown' && found !== listing ? found : null;
}

export function languageNote(
  field: SuggestionNote['field'],
  original: string,
  found: Language,
  listing: Language,
  kept?: string,
): SuggestionNote {
  return {
    field,
    original,
    ...(kept !== undefined ? { kept } : {}),
    why: `Written in ${LANGUAGE_NAMES[found]}, but your listing is in ${LANGUAGE_NAMES[listing]}; we never translate your listing.`,
  };
}

/**
 * A new tag is a few words, often too few to tell their language. It passes when it reads as the
 * listing's language, or when it can't be told and one of its words is known in the listing's
 * language: from the listing itself, that language's common words or (for English) the usual
 * Etsy item nouns. "woven tapestry" passes on an English listing; "holz deko" does not.
 */
export function tagLanguageProblem(
  tag: string,
  listing: Language,
  known: ReadonlySet<string>,
): Language | 'unrelated' | null {
  const found = detectLanguage(tag);
  if (found !== 'unknown' && listing !== 'unknown' && listing !== 'other') {
    return found === listing ? null : found;
  }
  const markers = markerWords(listing);
  const english = listing === 'en' || listing === 'unknown';
  const words = wordsOf(tag).filter((w) => !isStopword(w.stem));
  const familiar = words.some(
    (w) =>
      known.has(w.stem) ||
      markers.has(w.text.toLowerCase()) ||
      (english && PRODUCT_NOUN_STEMS.has(w.stem)),
  );
  return familiar ? null : 'unrelated';
}
