import type { ListingText } from '../listing';
import type { Language } from './language';
import { NOT_ITEM_STEMS, PRODUCT_NOUN_STEMS } from './lexicon';
import { contentWords, isStopword, normalizeText, wordsOf, type Word } from './text';

/**
 * Which words say "what the item is" for this listing. English puts the head noun last
 * ("macrame wall hanging"), so we take the last meaningful word of the category leaf and of each
 * multi-word tag, plus a list of common Etsy item nouns. French, Spanish, Italian and
 * Portuguese put it first ("pendientes de plata"), so there the first word is taken.
 */
const HEAD_FIRST = new Set<Language>(['fr', 'es', 'it', 'pt']);

export class ItemVocabulary {
  private readonly listingStems = new Set<string>();

  private readonly headFirst: boolean;
  private readonly compounds: boolean;

  constructor(
    listing: Pick<ListingText, 'tags' | 'categoryPath' | 'materials'>,
    language: Language = 'unknown',
  ) {
    this.headFirst = HEAD_FIRST.has(language);
    this.compounds = language === 'de' || language === 'nl';
    // A tag like "soy wax" names what the item is made of, not what it is.
    const materialStems = new Set(
      listing.materials.flatMap((m) => wordsOf(normalizeText(m), 8).map((w) => w.stem)),
    );
    const leaf = listing.categoryPath[listing.categoryPath.length - 1];
    if (leaf !== undefined) this.addHead(normalizeText(leaf), false, materialStems);
    for (const tag of listing.tags) this.addHead(normalizeText(tag), true, materialStems);
  }

  private addHead(phrase: string, multiWordOnly: boolean, exclude: Set<string>): void {
    const words = contentWords(wordsOf(phrase, 8));
    // German and Dutch name an item in one long word ("Kaffeetasse").
    const compound = this.compounds && words.length === 1 && (words[0]?.text.length ?? 0) >= 8;
    if (multiWordOnly && words.length < 2 && !compound) return;
    const head = this.headFirst ? words[0] : words[words.length - 1];
    if (head && !NOT_ITEM_STEMS.has(head.stem) && !exclude.has(head.stem)) {
      this.listingStems.add(head.stem);
    }
  }

  /** Item words this listing's own tags or category vouch for, stronger than the generic list. */
  isListingItemWord(word: Pick<Word, 'stem'>): boolean {
    return this.listingStems.has(word.stem);
  }

  isItemWord(word: Pick<Word, 'stem'>): boolean {
    return (
      this.listingStems.has(word.stem) ||
      PRODUCT_NOUN_STEMS.has(word.stem) ||
      (this.compounds && this.endsOnItem(word.stem))
    );
  }

  /** "Silberring" is a ring: German and Dutch compounds end on the item. */
  private endsOnItem(stem: string): boolean {
    for (const item of this.listingStems) {
      if (item.length >= 3 && stem.length > item.length && stem.endsWith(item)) return true;
    }
    return false;
  }

  /** Without tags or a category we only recognise item words from our English list. */
  get hasListingEvidence(): boolean {
    return this.listingStems.size > 0;
  }
}

/** Position of the first word naming the item, or -1. */
export function firstItemWordIndex(words: readonly Word[], vocab: ItemVocabulary): number {
  return words.findIndex((w) => vocab.isItemWord(w));
}

/**
 * How the text names the item, longest first: ["tote bag", "bag"] for "Linen Tote Bag". The name
 * ends at the last noun of the first run of item words, plus one word before it.
 */
export function itemNamesIn(text: string, vocab: ItemVocabulary): string[] {
  const words = wordsOf(text);
  let headAt = firstItemWordIndex(words, vocab);
  if (headAt === -1) return [];
  while (words[headAt + 1] !== undefined && vocab.isItemWord(words[headAt + 1] as Word)) headAt++;
  const head = words[headAt] as Word;
  const before = words[headAt - 1];
  const names = before && !isStopword(before.stem) ? [`${before.text} ${head.text}`] : [];
  return [...names, head.text].map((name) => name.toLowerCase());
}
