import { PROMO_RE, UNIT_STEMS } from './lexicon';
import { normalizeText, wordsOf, type Word } from './text';

/**
 * Facts a buyer relies on and a rewrite must never lose: numbers with their units ("14 oz",
 * "8x10", "W32"), model numbers ("501", "A4"), years, sizes and brand or trademark names
 * ("Levi's", "iPad", "Pyrex", "LEGO®"). Found by their shape, plus a short list of brands sellers
 * commonly name, because a brand written in Title Case looks like any other word.
 */
export interface Fact {
  /** As written in the listing. */
  text: string;
  /** Case, spacing and punctuation folded: "14oz" and "14 Oz" are the same fact. */
  key: string;
}

const KNOWN_BRANDS = new Set(
  (
    "levi levis levi's pyrex corningware fiestaware fiesta le creuset lodge cricut silhouette " +
    'ipad iphone macbook airpods kindle apple samsung galaxy pixel nintendo switch playstation xbox ' +
    'lego barbie ikea kallax stanley yeti hydro flask tiffany pandora swarovski dior chanel gucci ' +
    'coach nike adidas converse vans carhartt patagonia wrangler pendleton harley davidson ' +
    'polaroid canon nikon singer pfaltzgraff wedgwood royal doulton jadeite anchor hocking ' +
    'goodnotes notability procreate canva etsy shopify disney marvel pokemon'
  ).split(' '),
);

/** Sizes a shopper filters by; only counted when written as a size (upper case). */
const SIZE_RE = /^(?:XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL|OS)$/;
const TRADEMARK_RE = /[™®©]/u;
/** iPad, MacBook, PlayStation: a capital after a lowercase letter is a coined name. */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/** HTML a seller pasted or a model echoed: its attributes are not facts or claims. */
export const MARKUP = /<(script|style)\b[\s\S]{0,2000}?<\/\1>|<[^<>]{0,500}>/gi;

const foldKey = (text: string): string =>
  normalizeText(text)
    .toLowerCase()
    .replace(/[\s\-'’.,™®©]+/gu, '');

function isFactWord(w: Word, text: string, allCaps: boolean): boolean {
  if (/\d/.test(w.text)) return true;
  if (KNOWN_BRANDS.has(w.text.toLowerCase()) || KNOWN_BRANDS.has(w.stem)) return true;
  if (INNER_CAPITAL.test(w.text)) return true;
  if (SIZE_RE.test(w.text) && !allCaps) return true;
  const after = text[w.end];
  return after !== undefined && TRADEMARK_RE.test(after);
}

/** Facts in `text`, each once; a number takes the unit written after it ("14 oz", "3 pack"). */
export function extractFacts(rawText: string, maxWords = 400): Fact[] {
  // "20% OFF" is a promotion and "<b>" markup, not facts about the item.
  const text = normalizeText(rawText)
    .replace(MARKUP, (m) => ' '.repeat(m.length))
    .replace(PROMO_RE, (m) => ' '.repeat(m.length));
  const words = wordsOf(text, maxWords);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 3 && letters === letters.toUpperCase();
  const facts = new Map<string, Fact>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!isFactWord(w, text, allCaps)) continue;
    let end = w.end;
    const next = words[i + 1];
    // "14 oz", "8 x 10": keep the unit, and the second number of a dimension, with the number.
    if (/^\d/.test(w.text) && next && UNIT_STEMS.has(next.stem) && next.start - w.end <= 1) {
      end = next.end;
      i++;
      const third = words[i + 1];
      if (next.stem === 'x' && third && /^\d/.test(third.text)) {
        end = third.end;
        i++;
      }
    }
    const factText = text.slice(w.start, end);
    const key = foldKey(factText);
    if (key !== '' && !facts.has(key)) facts.set(key, { text: factText, key });
  }
  return [...facts.values()];
}

/** Facts from `facts` that `text` no longer contains (compared folded, so "14oz" keeps "14 oz"). */
export function missingFacts(facts: readonly Fact[], text: string): Fact[] {
  if (facts.length === 0) return [];
  const folded = foldKey(text);
  const lower = normalizeText(text).toLowerCase();
  return facts.filter((f) =>
    // A bare number must stand alone: "3" is not kept by "13".
    /^\d+$/.test(f.key)
      ? !new RegExp(`(?<!\\d)${f.key}(?!\\d)`).test(lower)
      : !folded.includes(f.key),
  );
}
