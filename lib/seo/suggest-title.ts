import type { ListingText } from '../listing';
import { promoMatches, subjectiveWords, TITLE_WORD_LIMIT } from './check-title';
import { extractFacts, missingFacts } from './facts';
import type { ItemVocabulary } from './item';
import { mayBeEnglish, type Language } from './language';
import { UNIT_STEMS } from './lexicon';
import { isStopword, normalizeText, wordsOf } from './text';
import { repairTitle } from './validity';

const LEAD_SEGMENT_WORDS = 6;
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

/** Acronyms and format names a shopper types in capitals. */
const KEEP_CAPS = new Set(
  (
    'SVG PNG PDF JPG JPEG DXF EPS USB LED DIY UK US USA EU NYC LA BFF LGBTQ LGBT MR MRS ' +
    'XS S M L XL XXL XXXL OS ID ABC TV RV UV ASL A4 A5 A3 3D UFO'
  ).split(' '),
);
const MIN_SHOUTING_WORDS = 3;

/** Title Case for words in capitals, keeping acronyms, sizes and anything with a digit. */
function recaseShouting(title: string): string {
  const words = wordsOf(title);
  const caps = words.filter(
    (w) => w.text.length >= 2 && w.text === w.text.toUpperCase() && /\p{Lu}/u.test(w.text),
  );
  if (caps.length < MIN_SHOUTING_WORDS || caps.length < words.length / 2) return title;
  let out = '';
  let at = 0;
  for (const w of caps) {
    if (KEEP_CAPS.has(w.text) || /\d/.test(w.text)) continue;
    const previous = words[words.indexOf(w) - 1];
    if (previous && /^\d/.test(previous.text) && UNIT_STEMS.has(w.stem)) {
      // "8 OZ" → "8 oz": units after a number are written in lower case.
      out += title.slice(at, w.start) + w.text.toLowerCase();
      at = w.end;
      continue;
    }
    const lower = w.text.toLowerCase();
    const cased =
      isStopword(w.stem) && w.start > 0
        ? lower
        : lower.replace(/(^|['’-])\p{L}/gu, (m) => m.toUpperCase());
    out += title.slice(at, w.start) + cased.replace(/(['’])S$/iu, '$1s');
    at = w.end;
  }
  return out + title.slice(at);
}

const SEPARATOR = /(\s*[|,;/]\s*|\s+[-–—]\s+)/;

interface Segment {
  text: string;
  /** What stood before it in the title ("" for the first). */
  before: string;
}

function segmentsOf(title: string): Segment[] {
  const parts = title.split(SEPARATOR);
  const out: Segment[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    out.push({ text: parts[i] ?? '', before: i === 0 ? '' : (parts[i - 1] ?? ', ') });
  }
  return out.filter((s) => wordsOf(s.text).length > 0);
}

function joinSegments(segments: readonly Segment[]): string {
  return segments.map((s, i) => (i === 0 ? s.text : `${s.before || ', '}${s.text}`)).join('');
}

/** Opinion words whose removal leaves a phrase: never "best" ("best friend", "best dad ever"). */
function removableOpinions(segment: string): { text: string; moved: string[] } {
  const words = wordsOf(segment);
  const opinion = subjectiveWords(words, promoMatches(segment)).filter((w) => w.stem !== 'best');
  if (opinion.length === 0 || words.length - opinion.length < 2)
    return { text: segment, moved: [] };
  return {
    text: trimDanglingWords(removeRanges(segment, opinion)),
    moved: opinion.map((w) => w.text),
  };
}

/**
 * Edits the title as little as the rules need: Etsy's hard rules first, then shouting recased,
 * promotion (and, in English, opinion words) out, fragments that only repeat earlier words out,
 * the item moved first in English only, and trailing fragments moved to tags when the title is
 * over 14 words. A fact (size, model number, brand, year) is never removed: a change that would
 * lose one is not made.
 */
export function suggestTitle(
  listing: ListingText,
  vocab: ItemVocabulary,
  language: Language = 'unknown',
): TitleSuggestion {
  const reasons: string[] = [];
  const english = mayBeEnglish(language);
  const facts = extractFacts(listing.title);
  const start = repairTitle(listing.title);
  if (start.dropped.some((d) => d.trim() !== '')) {
    reasons.push(
      `Removed what Etsy would reject in a title: ${quoteList(start.dropped.filter((d) => d.trim() !== ''))}.`,
    );
  }
  const recased = recaseShouting(start.value);
  if (recased !== start.value) {
    reasons.push(
      'Changed CAPITALS to Title Case (acronyms and sizes kept): capitals read as shouting.',
    );
  }

  const moved: string[] = [];
  const promos: string[] = [];
  let segments = segmentsOf(recased).map((segment) => {
    const promoRanges = promoMatches(segment.text);
    promos.push(...promoRanges.map((p) => p.text));
    let text = trimDanglingWords(removeRanges(segment.text, promoRanges));
    if (english) {
      const opinion = removableOpinions(text);
      moved.push(...opinion.moved);
      text = opinion.text;
    }
    return { ...segment, text };
  });
  segments = segments.filter((s) => wordsOf(s.text).length > 0);
  if (promos.length > 0) {
    reasons.push(
      `Removed ${quoteList(promos)}: Etsy asks titles not to mention price, sales or shipping.`,
    );
  }
  if (moved.length > 0) {
    reasons.push(
      `Moved ${quoteList(moved)} out of the title: Etsy suggests putting opinion words in the description.`,
    );
  }

  const seen = new Set<string>();
  const repeats: string[] = [];
  segments = segments.filter((segment, i) => {
    const stems = wordsOf(segment.text)
      .filter((w) => !isStopword(w.stem))
      .map((w) => w.stem);
    const adds = stems.some((x) => !seen.has(x));
    for (const x of stems) seen.add(x);
    if (i > 0 && !adds) repeats.push(segment.text);
    return i === 0 || adds;
  });
  if (repeats.length > 0) {
    reasons.push(
      `Removed ${quoteList(repeats)}: it only repeats words already in the title, and once is enough for Etsy search.`,
    );
  }

  if (english) segments = itemFirst(segments, vocab, listing, reasons);

  let count = segments.reduce((n, s) => n + wordsOf(s.text).length, 0);
  const cut: string[] = [];
  while (count > MAX_TITLE_WORDS && segments.length > 1) {
    const last = segments[segments.length - 1] as Segment;
    if (extractFacts(last.text).length > 0) break;
    segments.pop();
    cut.push(last.text);
    count -= wordsOf(last.text).length;
  }
  if (cut.length > 0) {
    reasons.push(
      `Moved ${quoteList(cut.reverse())} out so the title stays under ${TITLE_WORD_LIMIT} words, as Etsy suggests; they make good tags.`,
    );
  }

  const repaired = repairTitle(joinSegments(segments));
  const lost = missingFacts(facts, repaired.value);
  if (lost.length > 0) {
    return {
      value: start.value,
      reasons: [
        ...(start.value !== normalizeText(listing.title).trim() ? [reasons[0] ?? ''] : []),
        `Kept your wording: a shorter title would have lost ${quoteList(lost.map((f) => f.text))}.`,
      ].filter((r) => r !== ''),
      movedToDescription: [],
    };
  }
  if (repaired.value === '') {
    reasons.push('Add a title that says what the item is, in the words a shopper would search.');
  } else if (reasons.length === 0) {
    reasons.push("Your title already follows Etsy's title guidance, so it is kept as is.");
  }
  return { value: repaired.value, reasons, movedToDescription: moved };
}

/** English titles only: the fragment naming the item goes first, as Etsy's guidance asks. */
function itemFirst(
  input: Segment[],
  vocab: ItemVocabulary,
  listing: ListingText,
  reasons: string[],
): Segment[] {
  const segments = [...input];
  const strength = (segment: Segment): number =>
    wordsOf(segment.text).reduce(
      (best, w) => Math.max(best, vocab.isListingItemWord(w) ? 2 : vocab.isItemWord(w) ? 1 : 0),
      0,
    );
  const strengths = segments.map(strength);
  const best = Math.max(0, ...strengths);
  const itemSegment = best > 0 ? strengths.indexOf(best) : -1;
  if (itemSegment > 0 && (strengths[0] ?? 0) === 0) {
    const [segment] = segments.splice(itemSegment, 1);
    if (segment !== undefined) {
      segments.unshift({ text: segment.text, before: '' });
      if (segments[1]) segments[1] = { ...segments[1], before: segment.before || ', ' };
      reasons.push(`Moved "${segment.text}" to the front so shoppers see what the item is first.`);
    }
  } else if (itemSegment === -1 && segments.length === 0) {
    const fallback = fallbackItemPhrase(listing);
    if (fallback !== null) {
      segments.unshift({ text: fallback, before: '' });
      reasons.push(
        `Started from "${fallback}" (your category or tags) because the title had nothing usable.`,
      );
    }
  }
  const lead = splitLateItem(segments[0]?.text, vocab);
  if (lead) {
    segments.splice(0, 1, ...lead.map((text, i) => ({ text, before: i === 0 ? '' : ', ' })));
    reasons.push(`Moved "${lead[0]}" to the front so shoppers see what the item is first.`);
  }
  return segments;
}
