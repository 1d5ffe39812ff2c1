import type { ListingText } from '../listing';
import { promoMatches, subjectiveWords } from './check-title';
import { itemNamesIn, type ItemVocabulary } from './item';
import { mayBeEnglish, type Language } from './language';
import {
  PROMO_RE,
  stems,
  SUBJECTIVE_EXCEPTIONS_NEXT,
  SUBJECTIVE_STEMS,
  UNIT_STEMS,
} from './lexicon';
import { isSafeToRemove, tagWeaknesses, type TagWeaknessKind } from './tag-quality';
import { codePointLength, isStopword, normalizeText, phraseKey, wordsOf, type Word } from './text';
import { cleanTagText, isValidTag, MAX_TAGS, TAG_MAX_CHARS, tagIdentity } from './validity';

/** Enough description to find its recurring phrases; the rest rarely adds new ones. */
const DESCRIPTION_SCAN_CHARS = 3000;
const TITLE_SCAN_CHARS = 1000;
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
  titlePhrase: 90,
  buyerPhrase: 80,
  materialItem: 70,
  modifierItem: 62,
  titleNgram: 55,
  descriptionNgram: 35,
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

/** Numbers are words shoppers type ("14 oz mug", "set of 3"); opinions are not. */
function usableWord(w: Word): boolean {
  return !SUBJECTIVE_STEMS.has(w.stem) && /[\p{L}\p{N}]/u.test(w.text);
}

/** Who it is for and when: with the item, the long-tail searches that convert. */
const BUYER_STEMS = stems(
  'her him mom mum mother dad father grandma grandpa nana sister brother wife husband ' +
    'girlfriend boyfriend bride groom bridesmaid groomsman teacher nurse baby kid girl boy ' +
    'friend bestie couple women men wedding birthday anniversary christmas valentine ' +
    'mothers fathers graduation shower housewarming retirement easter halloween nursery ' +
    'mama papa oma opa hochzeit geburtstag weihnachten taufe maman mariage anniversaire noël ' +
    'naissance mamá papá boda cumpleaños navidad bautizo abuela',
);

/** Connecting words that join a real phrase in the languages we know ("mug for dad", "cire de soja"). */
const CONNECTORS = stems('of for de du des pour para con für mit à al del di da per');

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
  if (!first || !last || isStopword(first.stem)) return false;
  if (!phrase.every((w) => /[\p{L}\p{N}]/u.test(w.text))) return false;
  // "best friend" is a recipient, not an opinion.
  if (subjectiveWords(phrase, []).length > 0) return false;
  if (isStopword(last.stem) && !RECIPIENTS.has(last.stem)) return false;
  if (new Set(phrase.map((w) => w.stem)).size < phrase.length) return false;
  return phrase.every((w, k) => {
    if (k === 0 || k === phrase.length - 1 || !isStopword(w.stem)) return true;
    if (w.stem !== 'for') return CONNECTORS.has(w.stem);
    return vocab.isItemWord(first) || FOR_PHRASE_STARTS.has(first.stem);
  });
}

const GIFT_STEMS = stems('gift present geschenk cadeau regalo');
const HEAD_FIRST = new Set<Language>(['fr', 'es', 'it', 'pt']);

/**
 * An added tag must name the item or its buyer in the phrase's head: the last word in English
 * and German ("frog sticker", "gift for her"), the first in French or Spanish ("taza regalo").
 * "sticker cute" or "infantil de animales" head on a describing word and read as fragments.
 */
function headNamesItem(words: readonly Word[], vocab: ItemVocabulary, language: Language): boolean {
  const head = HEAD_FIRST.has(language) ? words[0] : words[words.length - 1];
  return (
    head !== undefined &&
    (vocab.isItemWord(head) || BUYER_STEMS.has(head.stem) || GIFT_STEMS.has(head.stem))
  );
}

/**
 * True when words[i, i+n) would cut a phrase the listing wrote as one: a number from its unit
 * ("soy candle 8" of "8 oz"), "friend" from "best friend", or a three-word run starting inside a
 * longer name ("century table lamp" of "mid century table lamp").
 */
function cutsAPhrase(words: readonly Word[], i: number, n: number): boolean {
  const before = words[i - 1];
  const first = words[i] as Word;
  const last = words[i + n - 1] as Word;
  const after = words[i + n];
  if (
    /^\d/.test(last.text) ||
    (after && /^\d/.test(last.text) === false && UNIT_STEMS.has(after.stem) && /\d/.test(last.text))
  )
    return true;
  if (/^\d/.test(first.text) && !(words[i + 1] && UNIT_STEMS.has((words[i + 1] as Word).stem)))
    return true;
  if (before && /\d/.test(before.text) && UNIT_STEMS.has(first.stem)) return true;
  if (before?.stem === 'best' && SUBJECTIVE_EXCEPTIONS_NEXT.has(first.stem)) return true;
  return n >= 3 && before !== undefined && !isStopword(before.stem);
}

/** Contiguous 2–3 word phrases within one sentence or title fragment, with how often each occurs. */
function ngramsOf(text: string, vocab: ItemVocabulary): Map<string, Ngram> {
  const found = new Map<string, Ngram>();
  for (const chunk of text.replace(PROMO_RE, '|').split(SENTENCE_SPLIT)) {
    const words = wordsOf(chunk);
    for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= 3 && i + n <= words.length; n++) {
        const phrase = words.slice(i, i + n);
        if (!isPhrase(phrase, vocab) || cutsAPhrase(words, i, n)) continue;
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

/** English templates from the listing's own words: "{item} for {buyer}", "{buyer} gift". */
function buyerPhrases(text: string, itemNames: readonly string[]): string[] {
  const words = wordsOf(text, 400);
  const buyers = new Map<string, Word>();
  words.forEach((w, i) => {
    if (!BUYER_STEMS.has(w.stem) || buyers.has(w.stem)) return;
    // "best friend" is the buyer; "friend" alone is someone else.
    const previous = words[i - 1];
    const name = previous?.stem === 'best' ? `best ${w.text}` : w.text;
    buyers.set(w.stem, { ...w, text: name });
  });
  const out: string[] = [];
  const item = itemNames[itemNames.length - 1];
  for (const buyer of [...buyers.values()].slice(0, 4)) {
    const word = buyer.text.toLowerCase();
    if (RECIPIENTS.has(buyer.stem)) {
      out.push(`gift for ${word}`);
      if (item) out.push(`${item} for ${word}`);
    } else {
      out.push(`${word} gift`);
      if (item) out.push(`${word} ${item}`);
    }
  }
  return out;
}

function collectCandidates(
  listing: ListingText,
  vocab: ItemVocabulary,
  cleanTitle: string,
  language: Language,
): Candidate[] {
  const pool = new CandidatePool();
  // A real title is at most 140 characters; a pasted essay adds no phrases worth the time.
  const title = normalizeText(listing.title).slice(0, TITLE_SCAN_CHARS);
  const description = normalizeText(listing.description).slice(0, DESCRIPTION_SCAN_CHARS);

  for (const segment of `${cleanTitle}|${title.replace(PROMO_RE, '|')}`.split(SENTENCE_SPLIT)) {
    const words = wordsOf(segment);
    if (words.length >= 2 && words.length <= 4 && words.every(usableWord)) {
      pool.add(segment.trim().toLowerCase(), 'a phrase from your title', RANK.titlePhrase);
    }
  }
  for (const [value, ngram] of ngramsOf(`${cleanTitle}|${title}`, vocab)) {
    pool.add(value, 'a phrase from your title', RANK.titleNgram + ngramBonus(ngram, vocab));
  }

  const itemNames = itemNamesIn(cleanTitle, vocab);
  if (mayBeEnglish(language)) {
    // The seller's own one-word tags are the describing words they chose ("boho", "minimalist"):
    // in front of the item's name they become the phrase shoppers type ("boho wall hanging").
    const modifiers = listing.tags
      .filter((t) => t.length <= TAG_MAX_CHARS * 2)
      .map((t) => wordsOf(normalizeText(t)))
      .filter((words) => words.length === 1)
      .flatMap((words) => words)
      .filter(
        (w) =>
          usableWord(w) &&
          !vocab.isItemWord(w) &&
          !NOT_MODIFIERS.has(w.stem) &&
          promoMatches(w.text).length === 0,
      )
      .map((w) => w.text.toLowerCase());
    for (const modifier of modifiers.slice(0, MAX_MODIFIERS)) {
      const phrase = itemNames
        .filter((name) => !name.split(' ').includes(modifier))
        .map((name) => `${modifier} ${name}`)
        .find((p) => codePointLength(p) <= TAG_MAX_CHARS);
      if (phrase) pool.add(phrase, 'your word + what the item is', RANK.modifierItem);
    }
    for (const raw of listing.materials) {
      const core = wordsOf(normalizeText(raw).toLowerCase())
        .filter((w) => /\p{L}/u.test(w.text))
        .map((w) => w.text)
        .join(' ');
      const withItem = itemNames
        .filter((name) => core !== '' && !name.includes(core))
        .map((name) => `${core} ${name}`)
        .find((phrase) => codePointLength(phrase) <= TAG_MAX_CHARS);
      if (withItem) pool.add(withItem, 'your material + what the item is', RANK.materialItem);
    }
    const listingText = [
      title,
      ...listing.tags.map((t) => t.slice(0, 100)),
      description.slice(0, 600),
    ].join(' | ');
    for (const phrase of buyerPhrases(listingText, itemNames)) {
      pool.add(phrase, 'who it is for, from your listing', RANK.buyerPhrase);
    }
  }

  // Descriptions are full of "colours may look" prose: keep phrases that name the item or its
  // buyer, or recur and share a word with the title, tags, materials or category.
  const topical = new Set(
    wordsOf(
      [title, ...listing.tags, ...listing.materials, ...listing.categoryPath]
        .map((t) => t.slice(0, TITLE_SCAN_CHARS))
        .join(' | '),
      2000,
    )
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
        'a phrase from your description',
        RANK.descriptionNgram + ngramBonus(ngram, vocab),
      );
    }
  }
  return pool.ranked();
}

interface Chosen {
  value: string;
  reason: string;
  identity: string;
  key: string;
  stems: string[];
}

/** A candidate Etsy accepts as it is (never cut to fit), that names the item or its buyer. */
function prepare(candidate: Candidate, vocab: ItemVocabulary, language: Language): Chosen | null {
  const value = normalizeText(candidate.text).replace(/\s+/g, ' ').trim();
  if (!isValidTag(value) || promoMatches(value).length > 0) return null;
  const words = wordsOf(value);
  if (
    words.length < 2 ||
    !isPhrase(words, vocab) ||
    !headNamesItem(words, vocab, language) ||
    cutsAPhrase(words, 0, Math.min(words.length, 2))
  ) {
    return null;
  }
  return {
    value,
    reason: candidate.reason,
    identity: tagIdentity(value),
    key: phraseKey(value),
    stems: [...new Set(words.filter((w) => !isStopword(w.stem)).map((w) => w.stem))],
  };
}

const MAX_PHRASE_WORDS = 10;
const SHORTEN_SCAN_CHARS = 200;

const WEAKEST_FIRST: TagWeaknessKind[] = [
  'promotional',
  'same-search',
  'opinion',
  'category',
  'single-word',
];

/**
 * An over-long tag said shorter without cutting it mid-phrase: describing words are dropped from
 * the side away from the item noun (the front in English, the end in French or Spanish) until it
 * fits, and it must still be a phrase. Null when no such phrase exists: then it is dropped.
 */
export function shortenTag(raw: string, language: Language): string | null {
  const headFirst = HEAD_FIRST.has(language);
  // Twenty characters hold at most ten words: only the end nearest the item noun matters, so a
  // pasted paragraph costs no more than a tag.
  const near =
    raw.length <= SHORTEN_SCAN_CHARS
      ? raw
      : headFirst
        ? raw.slice(0, SHORTEN_SCAN_CHARS)
        : raw.slice(-SHORTEN_SCAN_CHARS);
  const clean = cleanTagText(near);
  if (isValidTag(clean)) return clean;
  const all = clean.split(' ');
  let words = headFirst ? all.slice(0, MAX_PHRASE_WORDS) : all.slice(-MAX_PHRASE_WORDS);
  while (words.length > 2) {
    words = headFirst ? words.slice(0, -1) : words.slice(1);
    const edge = wordsOf(headFirst ? (words[words.length - 1] ?? '') : (words[0] ?? ''))[0];
    if (edge && isStopword(edge.stem)) continue;
    const tag = words.join(' ');
    if (isValidTag(tag)) return tag;
  }
  return null;
}

/**
 * The seller's tags stay; a tag Etsy rejects is rephrased or dropped, and the empty slots fill
 * with phrases from this listing that name the item or who it is for. A weak seller tag
 * (promotional, the same search twice, an opinion, a broad single word) gives its slot to a
 * better phrase only when there is one, and the review offers that as a swap.
 */
export function suggestTags(
  listing: ListingText,
  vocab: ItemVocabulary,
  cleanTitle: string,
  language: Language = 'unknown',
): TagSuggestion[] {
  const weaknesses = tagWeaknesses(listing.tags, listing.categoryPath, language);
  const kept: TagSuggestion[] = [];
  const weak: (TagSuggestion & { rank: number })[] = [];
  const identities = new Set<string>();
  // A rephrased tag is ours, so it must not repeat the search of any other tag the seller wrote.
  const sellerSearches = new Set(
    listing.tags
      .filter((_, i) => weaknesses[i]?.kind !== 'rejected')
      .map((raw) => normalizeText(raw).trim())
      .filter((tag) => tag !== '')
      .map((tag) => phraseKey(tag)),
  );
  listing.tags.forEach((raw, i) => {
    const weakness = weaknesses[i];
    const tag = normalizeText(raw).trim();
    if (tag === '') return;
    if (weakness?.kind === 'rejected') {
      const shorter = shortenTag(tag, language);
      if (shorter === null || identities.has(tagIdentity(shorter))) return;
      if (sellerSearches.has(phraseKey(shorter))) return;
      identities.add(tagIdentity(shorter));
      sellerSearches.add(phraseKey(shorter));
      kept.push({ value: shorter, reason: `your tag, said within Etsy's limits (was "${tag}")` });
      return;
    }
    if ((weakness && isSafeToRemove(weakness.kind)) || identities.has(tagIdentity(tag))) return;
    identities.add(tagIdentity(tag));
    if (weakness)
      weak.push({
        value: tag,
        reason: weakness.reason,
        rank: WEAKEST_FIRST.indexOf(weakness.kind),
      });
    else kept.push({ value: tag, reason: 'your tag, kept' });
  });
  weak.sort((a, b) => a.rank - b.rank);

  const candidates = collectCandidates(listing, vocab, cleanTitle, language);
  const added: Chosen[] = [];
  const keys = new Set([...kept, ...weak].map((t) => phraseKey(t.value)));
  const roots = new Map<string, number>();
  const room = (): number => MAX_TAGS - kept.length - added.length;
  for (const candidate of candidates) {
    if (room() <= 0) break;
    const c = prepare(candidate, vocab, language);
    if (!c || identities.has(c.identity) || keys.has(c.key)) continue;
    // Long-tail tags for a candle all say "candle", which is right; other words once in a while.
    const repeats = wordsOf(c.value).filter((w) => !vocab.isItemWord(w) && !isStopword(w.stem));
    if (repeats.some((w) => (roots.get(w.stem) ?? 0) >= MAX_TAGS_PER_ROOT)) continue;
    added.push(c);
    identities.add(c.identity);
    keys.add(c.key);
    for (const w of repeats) roots.set(w.stem, (roots.get(w.stem) ?? 0) + 1);
  }
  // Empty slots fill first; each further phrase takes the slot of the weakest remaining tag.
  const empty = Math.max(0, MAX_TAGS - kept.length - weak.length);
  const replaced = Math.max(0, added.length - empty);
  const weakKept = weak.slice(replaced);
  const tags = [
    ...kept,
    ...weakKept.map(({ value, reason }) => ({ value, reason })),
    ...added.map(({ value, reason }) => ({ value, reason })),
  ];
  const last = tags[tags.length - 1];
  if (last && tags.length < MAX_TAGS) {
    last.reason += `; your listing only had enough words for ${tags.length} tags, so add more detail to the title or description for the other ${MAX_TAGS - tags.length}`;
  }
  return tags.slice(0, MAX_TAGS);
}
