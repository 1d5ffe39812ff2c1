import type { SuggestionNote } from '@/lib/listing';
import { detectLanguage, LANGUAGE_NAMES, type Language } from '@/lib/seo/language';
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
 * listing's language, or when it can't be told and shares a word with the listing; a tag in
 * another language, or in no telling language with nothing from the listing, is dropped.
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
  const words = wordsOf(tag).filter((w) => !isStopword(w.stem));
  return words.some((w) => known.has(w.stem)) ? null : 'unrelated';
}
