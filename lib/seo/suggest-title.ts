import type { ListingText } from '../listing';
import { promoMatches, repeatedWords, subjectiveWords, TITLE_WORD_LIMIT } from './check-title';
import type { ItemVocabulary } from './item';
import { isStopword, normalizeText, wordsOf, type Word } from './text';
import { repairTitle } from './validity';

const SEGMENT_SPLIT = /\s*[|,;/]\s*|\s+[-–—]\s+/;
const LEAD_SEGMENT_WORDS = 6;
const SHORT_FRAGMENT_WORDS = 3;
const MAX_TITLE_WORDS = TITLE_WORD_LIMIT - 1;

export interface TitleSuggestion {
  value: string;
  reasons: string[];
  /** Opinion words taken out of the title, for the description to pick up. */
  movedToDescription: string[];
}

interface Range {
  start: number;
  end: number;
}

function removeRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    out += text.slice(at, r.start);
    at = r.end;
  }
  return (out + text.slice(at)).replace(/\s{2,}/g, ' ').trim();
}

const CONNECTORS = new Set('and or for with of in on to by from at the a an'.split(' '));

/** Removing a word can strand "for" or "&" at a segment edge ("Gift for"). */
function trimDanglingWords(segment: string): string {
  let words = wordsOf(segment);
  let text = segment;
  while (words.length > 0) {
    const last = words[words.length - 1];
    if (!last || !CONNECTORS.has(last.stem)) break;
    text = text.slice(0, last.start);
    words = words.slice(0, -1);
  }
  return text.replace(/[\s&+:%'’-]+$/u, '').replace(/^[\s&+:%'’-]+/u, '');
}

/** Words before the item noun that still belong to its name ("Macrame Wall Hanging"). */
const NAME_WORDS_BEFORE_HEAD = 2;

/**
 * When a fragment names the item only after many adjectives, lifts the item's name out in front:
 * "Boho Handmade Natural Cotton Macrame Wall Hanging" → "Macrame Wall Hanging", "Boho … Cotton".
 */
function splitLateItem(segment: string | undefined, vocab: ItemVocabulary): string[] | null {
  if (segment === undefined) return null;
  const words = wordsOf(segment);
  let headAt = words.findIndex((w) => vocab.isListingItemWord(w));
  if (headAt === -1) headAt = words.findIndex((w) => vocab.isItemWord(w));
  if (headAt < LEAD_SEGMENT_WORDS - 1) return null;
  let from = headAt;
  while (from > headAt - NAME_WORDS_BEFORE_HEAD && !isStopword(words[from - 1]?.stem ?? 'a'))
    from--;
  const first = words[from];
  const head = words[headAt];
  if (!first || !head) return null;
  const before = trimDanglingWords(segment.slice(0, first.start));
  const after = trimDanglingWords(segment.slice(head.end));
  return [segment.slice(first.start, head.end), before, after].filter((s) => wordsOf(s).length > 0);
}

const quoteList = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

function fallbackItemPhrase(listing: ListingText): string | null {
  const leaf = listing.categoryPath[listing.categoryPath.length - 1];
  if (leaf && wordsOf(leaf).length > 0) return normalizeText(leaf).trim();
  const tag = listing.tags.find((t) => wordsOf(t).length >= 2);
  return tag ? normalizeText(tag).trim() : null;
}

/**
 * Applies the title guidance mechanically: opinion and promotion words out, the item first,
 * no repeated words, fewer than 15 words, then Etsy's hard rules by construction.
 */
export function suggestTitle(listing: ListingText, vocab: ItemVocabulary): TitleSuggestion {
  const reasons: string[] = [];
  // Repairing first keeps word counts honest: "Mug☕Gift" must count as two words before we cut.
  const start = repairTitle(listing.title);
  const original = start.value;
  const moved: string[] = [];
  const promos: string[] = [];

  let segments = original
    .split(SEGMENT_SPLIT)
    .map((segment) => {
      const words = wordsOf(segment);
      const promoRanges = promoMatches(segment);
      const opinion = subjectiveWords(words, promoRanges);
      moved.push(...opinion.map((w) => w.text));
      promos.push(...promoRanges.map((p) => p.text));
      return trimDanglingWords(removeRanges(segment, [...promoRanges, ...opinion]));
    })
    .filter((s) => wordsOf(s).length > 0);
  if (moved.length > 0) {
    reasons.push(
      `Moved ${quoteList(moved)} out of the title: Etsy suggests putting opinion words in the description.`,
    );
  }
  if (promos.length > 0) {
    reasons.push(
      `Removed ${quoteList(promos)}: Etsy asks titles not to mention price, sales or shipping.`,
    );
  }

  const strength = (segment: string): number =>
    wordsOf(segment).reduce(
      (best, w) => Math.max(best, vocab.isListingItemWord(w) ? 2 : vocab.isItemWord(w) ? 1 : 0),
      0,
    );
  const strengths = segments.map(strength);
  const best = Math.max(0, ...strengths);
  const itemSegment = best > 0 ? strengths.indexOf(best) : -1;
  if (itemSegment > 0 && best > (strengths[0] ?? 0)) {
    const [segment] = segments.splice(itemSegment, 1);
    if (segment !== undefined) {
      segments.unshift(segment);
      reasons.push(`Moved "${segment}" to the front so shoppers see what the item is first.`);
    }
  } else if (itemSegment === -1) {
    const fallback = fallbackItemPhrase(listing);
    if (fallback !== null && (segments.length === 0 || vocab.hasListingEvidence)) {
      segments.unshift(fallback);
      reasons.push(
        segments.length === 1
          ? `Started from "${fallback}" (your category or tags) because the title had nothing usable.`
          : `Added "${fallback}" (from your category or tags) at the start so the title says what the item is.`,
      );
    }
  }
  const lead = splitLateItem(segments[0], vocab);
  if (lead) {
    segments.splice(0, 1, ...lead);
    reasons.push(`Moved "${lead[0]}" to the front so shoppers see what the item is first.`);
  }

  const seen = new Set<string>();
  const repeated: string[] = [];
  const dropped: string[] = [];
  segments = segments
    .map((segment) => {
      const words = wordsOf(segment);
      const drop: Word[] = repeatedWords(words);
      for (const w of words) {
        if (!isStopword(w.stem) && seen.has(w.stem) && !drop.includes(w)) drop.push(w);
      }
      for (const w of words) seen.add(w.stem);
      repeated.push(...drop.map((w) => w.text));
      const rest = trimDanglingWords(removeRanges(segment, drop));
      // A short fragment with a repeat ("botanical wall art" after "Watercolor Art Print") or one
      // reduced to a single word ("Boho Wall Decor" → "Decor") reads as noise: drop it whole.
      if (drop.length > 0 && (words.length <= SHORT_FRAGMENT_WORDS || wordsOf(rest).length < 2)) {
        dropped.push(segment);
        return '';
      }
      return rest;
    })
    .filter((s) => wordsOf(s).length > 0);
  if (dropped.length > 0) {
    reasons.push(
      `Removed ${quoteList(dropped)}: it repeats words already in the title, and once is enough for Etsy search.`,
    );
  }
  const removedWords = repeated.filter((w) => !dropped.some((d) => d.includes(w)));
  if (removedWords.length > 0) {
    reasons.push(`Removed repeated ${quoteList(removedWords)}: once is enough for Etsy search.`);
  }

  const kept: string[] = [];
  let count = 0;
  const cut: string[] = [];
  for (const segment of segments) {
    const words = wordsOf(segment);
    if (count + words.length <= MAX_TITLE_WORDS) {
      kept.push(segment);
      count += words.length;
    } else if (kept.length === 0) {
      const last = words[MAX_TITLE_WORDS - 1];
      kept.push(last ? segment.slice(0, last.end) : segment);
      cut.push(last ? segment.slice(last.end).trim() : '');
      count = MAX_TITLE_WORDS;
    } else {
      cut.push(segment);
    }
  }
  const cutText = cut.filter((c) => c !== '');
  if (cutText.length > 0) {
    reasons.push(
      `Cut to ${MAX_TITLE_WORDS} words or fewer (Etsy suggests under ${TITLE_WORD_LIMIT}); consider ${quoteList(cutText)} as tags instead.`,
    );
  }

  const repaired = repairTitle(kept.join(', '));
  const rejected = [...start.dropped, ...repaired.dropped].filter((d) => d.trim() !== '');
  if (rejected.length > 0) {
    reasons.push(`Removed what Etsy would reject in a title: ${quoteList(rejected)}.`);
  }
  if (repaired.value === '') {
    reasons.push('Add a title that says what the item is, in the words a shopper would search.');
  } else if (reasons.length === 0) {
    reasons.push("Your title already follows Etsy's title guidance, so it is kept as is.");
  }
  return { value: repaired.value, reasons, movedToDescription: moved };
}
