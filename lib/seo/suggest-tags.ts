import type { ListingText } from '../listing';
import { promoMatches } from './check-title';
import { itemNamesIn, type ItemVocabulary } from './item';
import { PROMO_RE, stems, SUBJECTIVE_STEMS } from './lexicon';
import { codePointLength, isStopword, normalizeText, phraseKey, wordsOf, type Word } from './text';
import { MAX_TAGS, repairTag, TAG_MAX_CHARS, tagIdentity } from './validity';

/** Enough description to find its recurring phrases; the rest rarely adds new ones. */
const DESCRIPTION_SCAN_CHARS = 3000;
const MAX_SINGLE_WORD_TAGS = 2;
const MAX_TAGS_PER_ROOT = 3;
const SENTENCE_SPLIT = /[.!?\n|,;:()[\]{}<>/&+]+/;

export interface TagSuggestion {
  value: string;
  reason: string;
}

interface Candidate {
  text: string;
  reason: string;
  rank: number;
}

/** Higher rank wins; source order encodes how directly the phrase comes from the seller. */
const RANK = {
  sellerTag: 100,
  titlePhrase: 90,
  materialItem: 70,
  modifierItem: 62,
  titleNgram: 55,
  descriptionNgram: 35,
  category: 30,
  sellerSingleWord: 25,
  titleWord: 20,
  materialWord: 15,
  descriptionWord: 10,
} as const;
/** A phrase ending on the item noun ("wall hanging") is what shoppers type; "boho wall" is not. */
const ITEM_BONUS = 25;
const MAX_MODIFIERS = 12;
/** "gift wax candle" is not how anyone searches. */
const NOT_MODIFIERS = stems('gift present idea lover');

class CandidatePool {
  private readonly byText = new Map<string, Candidate>();

  add(text: string, reason: string, rank: number): void {
    const key = text.toLowerCase();
    const existing = this.byText.get(key);
    if (!existing || existing.rank < rank) this.byText.set(key, { text, reason, rank });
  }

  ranked(): Candidate[] {
    return [...this.byText.values()].sort((a, b) => b.rank - a.rank);
  }
}

function usableWord(w: Word): boolean {
  return !SUBJECTIVE_STEMS.has(w.stem) && /\p{L}/u.test(w.text);
}

interface Ngram {
  words: Word[];
  count: number;
}

/** "gift for her" is a real search; "wall hanging for" is not. */
const RECIPIENTS = new Set(['her', 'him', 'them', 'me', 'you', 'us']);

/** "gift for her" and "mug for dad" are searches; "made for living" is not. */
const FOR_PHRASE_STARTS = stems('gift present');

function isPhrase(phrase: readonly Word[], vocab: ItemVocabulary): boolean {
  const first = phrase[0];
  const last = phrase[phrase.length - 1];
  if (!first || !last || isStopword(first.stem) || !phrase.every(usableWord)) return false;
  if (isStopword(last.stem) && !RECIPIENTS.has(last.stem)) return false;
  if (new Set(phrase.map((w) => w.stem)).size < phrase.length) return false;
  return phrase.every((w, k) => {
    if (k === 0 || k === phrase.length - 1 || !isStopword(w.stem)) return true;
    if (w.stem === 'of') return true;
    return w.stem === 'for' && (vocab.isItemWord(first) || FOR_PHRASE_STARTS.has(first.stem));
  });
}

/** Contiguous 2–3 word phrases within one sentence or title fragment, with how often each occurs. */
function ngramsOf(text: string, vocab: ItemVocabulary): Map<string, Ngram> {
  const found = new Map<string, Ngram>();
  for (const chunk of text.replace(PROMO_RE, '|').split(SENTENCE_SPLIT)) {
    const words = wordsOf(chunk);
    for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= 3 && i + n <= words.length; n++) {
        const phrase = words.slice(i, i + n);
        if (!isPhrase(phrase, vocab)) continue;
        const value = phrase.map((w) => w.text.toLowerCase()).join(' ');
        const existing = found.get(value);
        if (existing) existing.count++;
        else found.set(value, { words: phrase, count: 1 });
      }
    }
  }
  return found;
}

function ngramBonus(ngram: Ngram, vocab: ItemVocabulary): number {
  const last = ngram.words[ngram.words.length - 1];
  const endsOnItem = last !== undefined && vocab.isItemWord(last);
  return (endsOnItem ? ITEM_BONUS : 0) + Math.min(ngram.count, 5) + ngram.words.length;
}

function addWords(pool: CandidatePool, text: string, reason: string, rank: number): void {
  for (const w of wordsOf(text, 200)) {
    if (!isStopword(w.stem) && usableWord(w) && w.text.length >= 3) {
      pool.add(w.text.toLowerCase(), reason, rank);
    }
  }
}

function collectCandidates(
  listing: ListingText,
  vocab: ItemVocabulary,
  cleanTitle: string,
): Candidate[] {
  const pool = new CandidatePool();
  const title = normalizeText(listing.title);
  const description = normalizeText(listing.description).slice(0, DESCRIPTION_SCAN_CHARS);

  listing.tags.forEach((raw, i) => {
    const tag = normalizeText(raw).trim();
    const multi = wordsOf(tag, 2).length > 1;
    pool.add(
      tag,
      multi ? 'your tag, kept' : 'your tag, kept (single words are broad)',
      (multi ? RANK.sellerTag : RANK.sellerSingleWord) - i / 100,
    );
  });
  for (const segment of `${cleanTitle}|${title.replace(PROMO_RE, '|')}`.split(SENTENCE_SPLIT)) {
    const words = wordsOf(segment);
    if (words.length >= 2 && words.length <= 4 && words.every(usableWord)) {
      pool.add(segment.trim().toLowerCase(), 'phrase from your title', RANK.titlePhrase);
    }
  }
  for (const [value, ngram] of ngramsOf(`${cleanTitle}|${title}`, vocab)) {
    pool.add(value, 'phrase from your title', RANK.titleNgram + ngramBonus(ngram, vocab));
  }

  const itemNames = itemNamesIn(cleanTitle, vocab);
  // The seller's own describing words in front of the item's name, as shoppers search
  // ("modern" + "tote bag"). Nothing new is invented: both halves come from this listing.
  const modifiers = new Set<string>();
  for (const w of wordsOf([cleanTitle, ...listing.tags].join(' | '), 60)) {
    if (
      !isStopword(w.stem) &&
      usableWord(w) &&
      !vocab.isItemWord(w) &&
      !NOT_MODIFIERS.has(w.stem) &&
      !/\d/.test(w.text)
    ) {
      modifiers.add(w.text.toLowerCase());
    }
  }
  for (const modifier of [...modifiers].slice(0, MAX_MODIFIERS)) {
    const phrase = itemNames
      .filter((name) => !name.split(' ').includes(modifier))
      .map((name) => `${modifier} ${name}`)
      .find((p) => codePointLength(p) <= TAG_MAX_CHARS);
    if (phrase) pool.add(phrase, 'your words + what the item is', RANK.modifierItem);
  }
  for (const raw of listing.materials) {
    // "100% cotton" contributes "cotton": a bare number is not a search phrase.
    const core = wordsOf(normalizeText(raw).toLowerCase())
      .filter((w) => /\p{L}/u.test(w.text))
      .map((w) => w.text)
      .join(' ');
    if (core === '') continue;
    const withItem = itemNames
      .filter((name) => !name.includes(core))
      .map((name) => `${core} ${name}`)
      .find((phrase) => codePointLength(phrase) <= TAG_MAX_CHARS);
    if (withItem) pool.add(withItem, 'your material + what the item is', RANK.materialItem);
    const multi = wordsOf(core, 2).length > 1;
    pool.add(core, 'your material', multi ? RANK.materialItem : RANK.materialWord);
  }

  // Descriptions are full of "colours may look" prose: keep phrases that name the item, or recur
  // and share a word with the title, tags, materials or category.
  const topical = new Set(
    wordsOf([title, ...listing.tags, ...listing.materials, ...listing.categoryPath].join(' | '))
      .filter((w) => !isStopword(w.stem))
      .map((w) => w.stem),
  );
  for (const [value, ngram] of ngramsOf(description, vocab)) {
    const last = ngram.words[ngram.words.length - 1];
    const namesItem = last !== undefined && vocab.isItemWord(last);
    const recursOnTopic = ngram.count >= 2 && ngram.words.some((w) => topical.has(w.stem));
    if (namesItem || recursOnTopic) {
      pool.add(
        value,
        'phrase from your description',
        RANK.descriptionNgram + ngramBonus(ngram, vocab),
      );
    }
  }
  const leaf = listing.categoryPath[listing.categoryPath.length - 1];
  if (leaf !== undefined) {
    pool.add(
      normalizeText(leaf).trim().toLowerCase(),
      'your category (Etsy already matches it, so it only fills a slot)',
      RANK.category,
    );
  }
  addWords(pool, title, 'word from your title (single words are broad)', RANK.titleWord);
  addWords(
    pool,
    description,
    'word from your description (single words are broad)',
    RANK.descriptionWord,
  );
  return pool.ranked();
}

interface Chosen {
  value: string;
  reason: string;
  identity: string;
  key: string;
  stems: string[];
  single: boolean;
}

/** Repairs a candidate and rejects what would break a rule the checker warns about. */
function prepare(candidate: Candidate, vocab: ItemVocabulary): Chosen | null {
  const value = repairTag(candidate.text);
  if (value === null || !/[\p{L}]/u.test(value) || promoMatches(value).length > 0) return null;
  const words = wordsOf(value);
  // A phrase cut to fit 20 characters ("handmade macrame wall") no longer means what it did.
  if (words.length !== wordsOf(candidate.text).length) return null;
  if (words.length > 1 ? !isPhrase(words, vocab) : !words.every(usableWord)) return null;
  return {
    value,
    reason: candidate.reason,
    identity: tagIdentity(value),
    key: phraseKey(value),
    stems: [...new Set(words.filter((w) => !isStopword(w.stem)).map((w) => w.stem))],
    single: words.length === 1,
  };
}

/**
 * Picks 13 distinct, valid tags from the listing's own words: multi-word phrases first, at most
 * two single words and no word in more than three tags, relaxing only the last two limits when
 * the listing has too little text to fill 13 otherwise.
 */
export function suggestTags(
  listing: ListingText,
  vocab: ItemVocabulary,
  cleanTitle: string,
): TagSuggestion[] {
  const candidates = collectCandidates(listing, vocab, cleanTitle);
  // Preparing is the costly step, so it runs lazily: most listings fill 13 from the top few dozen.
  const prepared = new Map<number, Chosen | null>();
  const preparedAt = (i: number, c: Candidate): Chosen | null => {
    let p = prepared.get(i);
    if (p === undefined) {
      p = prepare(c, vocab);
      prepared.set(i, p);
    }
    return p;
  };
  const chosen: Chosen[] = [];
  const identities = new Set<string>();
  const keys = new Set<string>();
  const roots = new Map<string, number>();

  const categoryKeys = new Set(listing.categoryPath.map((c) => phraseKey(normalizeText(c))));
  const pick = (strict: boolean): void => {
    for (let i = 0; i < candidates.length && chosen.length < MAX_TAGS; i++) {
      const candidate = candidates[i];
      const c = candidate && preparedAt(i, candidate);
      if (!c) continue;
      if (identities.has(c.identity) || keys.has(c.key)) continue;
      if (strict) {
        if (c.single && chosen.filter((t) => t.single).length >= MAX_SINGLE_WORD_TAGS) continue;
        if (c.stems.some((s) => (roots.get(s) ?? 0) >= MAX_TAGS_PER_ROOT)) continue;
        // Etsy already matches the category, so restating it only fills an otherwise empty slot.
        if (categoryKeys.has(c.key)) continue;
      }
      chosen.push(strict ? c : { ...c, reason: `${c.reason}; added to fill the 13 slots` });
      identities.add(c.identity);
      keys.add(c.key);
      for (const s of c.stems) roots.set(s, (roots.get(s) ?? 0) + 1);
    }
  };
  pick(true);
  pick(false);

  const tags = chosen.map(({ value, reason }) => ({ value, reason }));
  const last = tags[tags.length - 1];
  if (last && tags.length < MAX_TAGS) {
    last.reason += `; your listing only had enough words for ${tags.length} tags, so add more detail to the title or description for the other ${MAX_TAGS - tags.length}`;
  }
  return tags;
}
