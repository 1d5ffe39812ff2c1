import { promoMatches, subjectiveWords } from './check-title';
import { mayBeEnglish, type Language } from './language';
import { normalizeText, phraseKey, wordsOf } from './text';
import { isValidTag, TAG_MAX_CHARS, tagIdentity } from './validity';

/**
 * Why one of the seller's tags may be worth replacing. `rejected` and `duplicate` are what Etsy
 * itself refuses, so removing them is safe by default; every other kind is only a proposal.
 */
export type TagWeaknessKind =
  'rejected' | 'duplicate' | 'promotional' | 'same-search' | 'opinion' | 'category' | 'single-word';

export interface TagWeakness {
  kind: TagWeaknessKind;
  reason: string;
}

/** Kinds Etsy would refuse or drop: removing these never loses anything. */
export function isSafeToRemove(kind: TagWeaknessKind): boolean {
  return kind === 'rejected' || kind === 'duplicate';
}

const COMPOUND_MIN_LETTERS = 10;

/**
 * The weakness of each of the seller's tags (null where the tag is fine), in the order a
 * replacement should go: what Etsy rejects first, broad single words last.
 */
export function tagWeaknesses(
  tags: readonly string[],
  categoryPath: readonly string[],
  language: Language,
): (TagWeakness | null)[] {
  const identities = new Set<string>();
  const keys = new Map<string, string>();
  const categoryKeys = new Set(categoryPath.map((c) => phraseKey(normalizeText(c))));
  const english = mayBeEnglish(language);
  return tags.map((raw): TagWeakness | null => {
    const tag = normalizeText(raw).trim();
    if (!isValidTag(tag)) {
      return {
        kind: 'rejected',
        reason: `Etsy won't accept "${tag.slice(0, 40)}": tags are at most ${TAG_MAX_CHARS} characters of letters, numbers, spaces, - and '.`,
      };
    }
    const identity = tagIdentity(tag);
    const words = wordsOf(tag);
    const key = phraseKey(tag, words);
    const firstOfKey = keys.get(key);
    const duplicate = identities.has(identity);
    identities.add(identity);
    if (!firstOfKey) keys.set(key, tag);
    if (duplicate)
      return {
        kind: 'duplicate',
        reason: `"${tag}" is in your tags twice; Etsy rejects duplicates.`,
      };
    if (promoMatches(tag).length > 0) {
      return {
        kind: 'promotional',
        reason: `"${tag}" is about price, sales or shipping; shoppers don't search for it and Etsy asks you to leave it out.`,
      };
    }
    if (firstOfKey) {
      return {
        kind: 'same-search',
        reason: `"${tag}" is the same search as "${firstOfKey}" (Etsy matches plurals and word order).`,
      };
    }
    const opinion = english ? subjectiveWords(words, [])[0] : undefined;
    if (opinion) {
      return {
        kind: 'opinion',
        reason: `"${opinion.text}" is an opinion shoppers rarely search for.`,
      };
    }
    if (categoryKeys.has(key)) {
      return {
        kind: 'category',
        reason: `"${tag}" only restates your category, which Etsy already matches.`,
      };
    }
    const compound = (language === 'de' || language === 'nl') && tag.length >= COMPOUND_MIN_LETTERS;
    if (words.length === 1 && !compound) {
      return {
        kind: 'single-word',
        reason: `"${tag}" is one broad word; a phrase shoppers type matches better.`,
      };
    }
    return null;
  });
}
