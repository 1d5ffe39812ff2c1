/**
 * Text primitives shared by the checker and the suggesters. All offsets are UTF-16 code-unit
 * offsets into NFC text, because that is what the editor's textarea selection APIs use.
 */

/** Etsy validates NFC text: a decomposed accent fails the title regex (etsy/open-api#605). */
export function normalizeText(raw: string): string {
  if (typeof raw !== 'string') return '';
  // ASCII is always NFC, and most listings are ASCII: skip the ICU call.
  return NON_ASCII.test(raw) ? raw.normalize('NFC') : raw;
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** Etsy's length limits count characters, not UTF-16 units, so an emoji is one. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Code-unit index just after the first `limit` code points (text.length if shorter). */
export function codeUnitIndexAfter(text: string, limit: number): number {
  let count = 0;
  let i = 0;
  while (i < text.length && count < limit) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    count++;
  }
  return i;
}

export interface Word {
  text: string;
  /** Lowercased, possessive and hyphens removed, plural folded: what search treats as the same word. */
  stem: string;
  start: number;
  end: number;
}

// Separators inside a word are only kept between letters, so "t-shirt" and "mother's" stay whole
// and the pattern cannot backtrack.
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

export function wordsOf(text: string, maxWords = Infinity): Word[] {
  const words: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (words.length < maxWords && (m = WORD_RE.exec(text)) !== null) {
    words.push({ text: m[0], stem: stem(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** How many words `text` has, up to `max`: wordsOf's count without building the words. */
export function countWords(text: string, max: number): number {
  WORD_RE.lastIndex = 0;
  let count = 0;
  while (count < max && WORD_RE.exec(text) !== null) count++;
  return count;
}

const TEE_FORMS = new Set(['tshirt', 'tshirts', 'tee', 'tees']);

/** Listing vocabulary is small and repetitive, so stems are memoised; the cap bounds memory. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Light English stemming (s/es/ies) per the rules doc; other scripts pass through lowercased. */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    cached = computeStem(word);
    stemCache.set(word, cached);
  }
  return cached;
}

function computeStem(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’-]/g, '');
  if (TEE_FORMS.has(w)) return 'tshirt';
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

const STOPWORDS = new Set(
  (
    'a an the and or nor but for of with without in on to by from at as is are be it its this ' +
    'that these those your you my our her his him their them me we i us so into onto over ' +
    'under up out off per via vs if when while than then there here be was were been has have ' +
    'had do does will would can could may might must should not no all each every some any ' +
    'more most very just only also please made make use used ' +
    // Common French, Spanish, German and Italian function words, so phrases and repeats work there too.
    'de du des la le les et en un une pour avec el los las y con para por und mit für der das ' +
    'ein eine il di e per con ' +
    'diese dieser dieses dein deine deinem deinen deiner ihre sein seine zum zur im am vom auf ' +
    'wird sind einer eines einem einen auch als die den dem zu nach bei um ' +
    'ce cet cette ces votre vos mon ma mes son sa ses au aux sur dans est sont à ' +
    'este esta estos estas tu tus mi mis su sus al del es una unos unas'
  ).split(' '),
);

export function isStopword(stemmed: string): boolean {
  return STOPWORDS.has(stemmed);
}

/** Words that carry meaning, for repeat and variety rules. */
export function contentWords(words: readonly Word[]): Word[] {
  return words.filter((w) => !isStopword(w.stem));
}

/** Order-insensitive key: "wall hangings" and "hanging wall" are the same search phrase. */
export function phraseKey(
  text: string,
  words: readonly Word[] = wordsOf(text),
  content: readonly Word[] = contentWords(words),
): string {
  const stems = (content.length > 0 ? content : words).map((w) => w.stem);
  const key = [...new Set(stems)].sort().join(' ');
  return key || text.trim().toLowerCase();
}
