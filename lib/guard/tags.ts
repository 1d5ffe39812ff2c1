import type { SuggestionNote } from '@/lib/listing';
import { isStopword, wordsOf } from '@/lib/seo/text';
import { promoMatches } from '@/lib/seo/check-title';

/** "gift for her" ends on a recipient, which is a search; "cadeau fête des" ends on a cut. */
const RECIPIENT_ENDS = new Set(['her', 'him', 'them', 'me', 'you', 'us']);

/**
 * A tag is a phrase a buyer would type. One that starts or ends on a connecting word is a phrase
 * cut to fit 20 characters ("cadeau fête des", "gift for"): it is dropped, never shown.
 * @internal exported for its unit test
 */
export function isCutFragment(tag: string): boolean {
  const words = wordsOf(tag);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return true;
  if (words.length === 1) return false;
  return isStopword(first.stem) || (isStopword(last.stem) && !RECIPIENT_ENDS.has(last.stem));
}

export function tagProblem(tag: string): string | null {
  if (isCutFragment(tag)) return 'A cut-off phrase, not something a buyer searches';
  if (promoMatches(tag).length > 0)
    return 'About price, sales or shipping, which buyers don’t search';
  return null;
}

export function droppedTagNote(original: string, why: string): SuggestionNote {
  return { field: 'tags', original, why };
}
