import type { Finding } from './findings';
import { firstItemWordIndex, type ItemVocabulary } from './item';
import { mayBeEnglish, type Language } from './language';
import { PROMO_RE, SUBJECTIVE_EXCEPTIONS_NEXT, SUBJECTIVE_STEMS, UNIT_STEMS } from './lexicon';
import { FIELD_SPAN, finding, textSpan } from './rules';
import { isStopword, wordsOf, type Word } from './text';
import { TITLE_MAX_CHARS, titleProblems } from './validity';

/** Beyond this many hits of one rule the seller has the point; more would bury the other findings. */
export const MAX_FINDINGS_PER_RULE = 10;
export const TITLE_WORD_LIMIT = 15;
const TITLE_WORD_SOFT_LIMIT = 11;
/** Etsy's guidance asks for a clear, descriptive title; "Necklace" alone says too little. */
const TITLE_THIN_WORDS = 5;
/** "Macrame Wall Hanging" starting at word 4 still leads: English puts the noun last. */
const LEAD_WORDS = 6;
const MAX_CAPS_WORDS = 3;
const KEYWORD_LIST_FRAGMENTS = 4;

export interface PromoMatch {
  start: number;
  end: number;
  text: string;
}

/** A cheap first pass: nearly no text is promotional, and PROMO_RE is the costly test. */
const PROMO_HINT =
  /sal|ship|deliver|postage|off|discount|cheap|clearance|deal|promo|coupon|bogo|limited|buy|sell/i;

export function promoMatches(text: string): PromoMatch[] {
  const out: PromoMatch[] = [];
  if (!PROMO_HINT.test(text)) return out;
  for (const m of text.matchAll(PROMO_RE)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Subjective words, skipping "best friend" and words already flagged as promotion ("best seller"). */
export function subjectiveWords(words: readonly Word[], promos: readonly PromoMatch[]): Word[] {
  return words.filter(
    (w, i) =>
      SUBJECTIVE_STEMS.has(w.stem) &&
      !SUBJECTIVE_EXCEPTIONS_NEXT.has(words[i + 1]?.stem ?? '') &&
      !promos.some((p) => w.start < p.end && p.start < w.end),
  );
}

/** Distinct words that say something about the item: no stopwords, opinions or promotion. */
function describedWordCount(
  words: readonly Word[],
  opinions: readonly Word[],
  promos: readonly PromoMatch[],
): number {
  const stems = new Set<string>();
  for (const w of words) {
    if (isStopword(w.stem) || opinions.includes(w)) continue;
    if (promos.length > 0 && promos.some((p) => w.start < p.end && p.start < w.end)) continue;
    stems.add(w.stem);
  }
  return stems.size;
}

/** Later occurrences of a meaningful word already used earlier in the title. */
function repeatedWords(words: readonly Word[]): Word[] {
  const seen = new Set<string>();
  const repeats: Word[] = [];
  for (const w of words) {
    if (isStopword(w.stem) || w.stem.length < 2 || /\d/.test(w.stem) || UNIT_STEMS.has(w.stem)) {
      continue;
    }
    if (seen.has(w.stem)) repeats.push(w);
    else seen.add(w.stem);
  }
  return repeats;
}

function isAllCaps(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/*
 * The title rules, one function each, with the evidence docs/etsy-seo-rules.md gives for it
 * (rule ids follow that document; rules.ts holds each rule's severity and source label).
 */

/**
 * What the title rules look at: the NFC title, its words, and what the listing says it is.
 * @internal exported for its unit test
 */
export interface TitleInContext {
  title: string;
  words: readonly Word[];
  vocab: ItemVocabulary;
  /** The subjective and promotional word lists are English: other languages aren't judged on them. */
  english: boolean;
  promos: readonly PromoMatch[];
  opinions: readonly Word[];
}

type TitleRule = (context: TitleInContext) => Finding[];

/** @internal exported for its unit test */
export function titleInContext(
  title: string,
  vocab: ItemVocabulary,
  language: Language = 'unknown',
  words: readonly Word[] = wordsOf(title),
): TitleInContext {
  const english = mayBeEnglish(language);
  const promos = promoMatches(title);
  const opinions = english ? subjectiveWords(words, promos) : [];
  return { title, words, vocab, english, promos, opinions };
}

const HARD_MESSAGES = {
  T1: (extra: string) =>
    `Your title is over Etsy's ${TITLE_MAX_CHARS}-character limit; Etsy will reject it. This part is over: "${extra}".`,
  T2: (ch: string) =>
    `Etsy doesn't allow "${ch}" in titles (only letters, numbers, punctuation, math symbols, spaces, ™ © ®).`,
  T2b: (ch: string) => `Etsy allows "${ch}" only once in a title; remove this one.`,
};

/**
 * T1 "≤ 140 characters" (an Etsy API error, not in the spec), T2 "no character outside
 * letters, numbers, punctuation, math symbols, spaces, ™ © ®" and T2b "each of % : & + at most
 * once" (the Open API spec's `title` description): what Etsy refuses, found by validity.ts.
 * @internal exported for its unit test
 */
export const breaksEtsyTitleRules: TitleRule = ({ title }) =>
  titleProblems(title, MAX_FINDINGS_PER_RULE).map((p) =>
    finding(p.rule, HARD_MESSAGES[p.rule](p.text), textSpan(p.start, p.end)),
  );

/**
 * T11 "A clear, descriptive title": Etsy's title guidance. Promotion, opinion and repeats
 * describe nothing: "Keychain Keychain Cute Keychain" is thin.
 * @internal exported for its unit test
 */
export const thinTitle: TitleRule = ({ title, words, opinions, promos }) => {
  const described = describedWordCount(words, opinions, promos);
  if (described >= TITLE_THIN_WORDS) return [];
  return [
    finding(
      'T11',
      `Your title has only ${described} describing word${described === 1 ? '' : 's'}. Etsy suggests a clear title that says what the item is and its main traits (material, size, style, who it's for).`,
      textSpan(0, title.length),
    ),
  ];
};

/**
 * T3 "Fewer than 15 words": "Consider using less than 15 words … short, clear, descriptive
 * titles"; the editor itself warns above 14. The tip from 11 words is our design choice.
 * @internal exported for its unit test
 */
export const tooManyWords: TitleRule = ({ words }) => {
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length < TITLE_WORD_SOFT_LIMIT || !first || !last) return [];
  const long = words.length >= TITLE_WORD_LIMIT;
  return [
    finding(
      'T3',
      long
        ? `Your title has ${words.length} words. Etsy suggests fewer than ${TITLE_WORD_LIMIT}: short, clear titles that say what the item is.`
        : `Your title has ${words.length} words, close to Etsy's suggested maximum of ${TITLE_WORD_LIMIT - 1}. Shorter titles are easier to read.`,
      textSpan(first.start, last.end),
      long ? 'warning' : 'tip',
    ),
  ];
};

/**
 * T4 "The first words say what the item is": "Lead with the keywords that best describe what
 * your item is … shoppers only see the first few words". Where the item noun sits depends on
 * word order, which we only know for English.
 * @internal exported for its unit test
 */
export const itemNotInLead: TitleRule = ({ words, vocab, english }) => {
  const itemAt = english ? firstItemWordIndex(words, vocab) : 0;
  if (itemAt >= LEAD_WORDS) {
    const w = words[itemAt];
    if (!w) return [];
    return [
      finding(
        'T4',
        `Your title says what the item is ("${w.text}") only at word ${itemAt + 1}. Shoppers see the first few words, so lead with it.`,
        textSpan(w.start, w.end),
      ),
    ];
  }
  if (itemAt !== -1 || !vocab.hasListingEvidence) return [];
  const lead = words.slice(0, LEAD_WORDS - 1);
  const first = lead[0];
  const last = lead[lead.length - 1];
  if (!first || !last) return [];
  return [
    finding(
      'T4',
      "The first words of your title don't say what the item is. Start with the item, in the words your tags and category use.",
      textSpan(first.start, last.end),
    ),
  ];
};

/**
 * T5 "No subjective words": "Move subjective words like 'perfect' or 'beautiful' to the description".
 * @internal exported for its unit test
 */
export const opinionWords: TitleRule = ({ opinions }) =>
  opinions
    .slice(0, MAX_FINDINGS_PER_RULE)
    .map((w) =>
      finding(
        'T5',
        `"${w.text}" is an opinion, not something shoppers search for. Etsy suggests moving words like this to the description.`,
        textSpan(w.start, w.end),
      ),
    );

/**
 * T6 "No repeated words": "no repeated words", "avoid keyword stuffing"; one finding per word.
 * @internal exported for its unit test
 */
export const repeatedWord: TitleRule = ({ words }) => {
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const w of repeatedWords(words)) {
    if (reported.has(w.stem) || reported.size >= MAX_FINDINGS_PER_RULE) continue;
    reported.add(w.stem);
    findings.push(
      finding(
        'T6',
        `"${w.text}" repeats a word already in your title. Etsy asks for no repeated words; once is enough for search.`,
        textSpan(w.start, w.end),
      ),
    );
  }
  return findings;
};

/**
 * T7 "Nothing about price, sales or shipping": Etsy's title guidance.
 * @internal exported for its unit test
 */
export const promotionalWords: TitleRule = ({ promos }) =>
  promos
    .slice(0, MAX_FINDINGS_PER_RULE)
    .map((p) =>
      finding(
        'T7',
        `"${p.text}" is about price, sales or shipping. Etsy asks titles to describe the item only; Etsy shows prices and shipping itself.`,
        textSpan(p.start, p.end),
      ),
    );

/**
 * T10 "≤ 3 ALL-CAPS words": unconfirmed (one third-party prompt), so a warning at most.
 * @internal exported for its unit test
 */
export const shouting: TitleRule = ({ words }) => {
  const caps = words.filter((w) => isAllCaps(w.text));
  const firstCaps = caps[0];
  const lastCaps = caps[caps.length - 1];
  if (caps.length <= MAX_CAPS_WORDS || !firstCaps || !lastCaps) return [];
  return [
    finding(
      'T10',
      `${caps.length} words are in CAPITALS. Capitals read as shouting; keep them for real acronyms.`,
      textSpan(firstCaps.start, lastCaps.end),
      // A title mostly in capitals is hard to read in search results; a few is a style choice.
      caps.length * 2 >= words.length ? 'warning' : 'tip',
    ),
  ];
};

/**
 * T8 "Readable, not ≥ 4 |- or ,-separated fragments": "keep a buyer in mind, not a computer".
 * @internal exported for its unit test
 */
export const keywordList: TitleRule = ({ title }) => {
  const fragments = title.split(/[|,]/).filter((f) => f.trim() !== '').length;
  if (fragments < KEYWORD_LIST_FRAGMENTS) return [];
  return [
    finding(
      'T8',
      `Your title has ${fragments} parts separated by commas or bars, so it reads like a keyword list. Write it for a shopper; put extra phrases in your tags.`,
      textSpan(0, title.length),
    ),
  ];
};

/** The rules in the order their findings are listed. */
const TITLE_RULES: readonly TitleRule[] = [
  breaksEtsyTitleRules,
  thinTitle,
  tooManyWords,
  itemNotInLead,
  opinionWords,
  repeatedWord,
  promotionalWords,
  shouting,
  keywordList,
];

/** T0 "A title is required": the Open API spec; nothing else is judged on an empty title. */
export function checkTitle(
  title: string,
  vocab: ItemVocabulary,
  language: Language = 'unknown',
  words: readonly Word[] = wordsOf(title),
): Finding[] {
  if (title.trim() === '') {
    return [
      finding(
        'T0',
        'Add a title: Etsy requires one, and it is what shoppers read first.',
        FIELD_SPAN,
      ),
    ];
  }
  const context = titleInContext(title, vocab, language, words);
  const findings: Finding[] = [];
  for (const rule of TITLE_RULES) findings.push(...rule(context));
  return findings;
}
