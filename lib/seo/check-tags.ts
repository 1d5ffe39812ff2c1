import type { Finding } from './findings';
import { FIELD_SPAN, finding, itemSpan } from './rules';
import { MAX_FINDINGS_PER_RULE, promoMatches, subjectiveWords } from './check-title';
import { mayBeEnglish, type Language } from './language';
import {
  codePointLength,
  contentWords,
  normalizeText,
  phraseKey,
  wordsOf,
  type Word,
} from './text';
import { MAX_TAGS, TAG_INVALID_CHAR, TAG_MAX_CHARS, tagIdentity } from './validity';

/*
 * The tag rules, one function each, with the evidence docs/etsy-seo-rules.md gives for it
 * (rule ids follow that document; rules.ts holds each rule's severity and source label).
 */

const MAX_SINGLE_WORD_TAGS = 2;
/** Fewer tags than this can't tell a pattern from chance. */
const MIN_TAGS_FOR_TITLE_CHECK = 4;
/** German and Dutch write "Kaffeetasse" as one word; it is as specific as a two-word phrase. */
const COMPOUND_MIN_LETTERS = 10;
const TAG_INVALID_G = new RegExp(TAG_INVALID_CHAR.source, 'gu');

interface TagEntry {
  index: number;
  text: string;
  identity: string;
  words: Word[];
  key: string;
  stems: string[];
}

/**
 * What the tag rules look at: the non-empty tags and the listing facts they compare against.
 * @internal exported for its unit test
 */
export interface TagsInContext {
  tags: readonly TagEntry[];
  /** Tags that count toward Etsy's 13: non-empty and distinct ignoring case. */
  distinctCount: number;
  /** The first tag of each identity (case-insensitive text): later ones duplicate it. */
  firstByIdentity: ReadonlyMap<string, TagEntry>;
  /** The first tag of each search phrase (stems in any order): later ones repeat its search. */
  firstByPhrase: ReadonlyMap<string, TagEntry>;
  categoryKeys: ReadonlySet<string>;
  titleWords: readonly Word[];
  language: Language;
}

/** A rule about one tag: at most one finding, pointing at that tag. */
type EachTagRule = (tag: TagEntry, context: TagsInContext) => Finding | undefined;
/** A rule about the tag list as a whole. */
type TagListRule = (context: TagsInContext) => Finding[];

function tagEntry(raw: string, index: number): TagEntry | undefined {
  const text = normalizeText(raw).trim();
  if (text === '') return undefined;
  const words = wordsOf(text);
  const content = contentWords(words);
  const stems = [...new Set(content.map((w) => w.stem))];
  const key = phraseKey(text, words, content);
  return { index, text, identity: tagIdentity(text), words, key, stems };
}

/** Keeps the first tag of each key: later ones repeat it. */
function keepFirst(first: Map<string, TagEntry>, key: string, tag: TagEntry): void {
  if (!first.has(key)) first.set(key, tag);
}

/** @internal exported for its unit test */
export function tagsInContext(
  rawTags: readonly string[],
  categoryPath: readonly string[],
  titleWords: readonly Word[] = [],
  language: Language = 'unknown',
): TagsInContext {
  const tags: TagEntry[] = [];
  const firstByIdentity = new Map<string, TagEntry>();
  const firstByPhrase = new Map<string, TagEntry>();
  rawTags.forEach((raw, index) => {
    const tag = tagEntry(raw, index);
    if (!tag) return;
    tags.push(tag);
    keepFirst(firstByIdentity, tag.identity, tag);
    keepFirst(firstByPhrase, tag.key, tag);
  });
  return {
    tags,
    distinctCount: firstByIdentity.size,
    firstByIdentity,
    firstByPhrase,
    categoryKeys: new Set(categoryPath.map((c) => phraseKey(normalizeText(c)))),
    titleWords,
    language,
  };
}

const spanOf = (t: TagEntry) => itemSpan(t.index, t.text);

function describeChars(chars: Iterable<string>): string {
  return [...new Set(chars)]
    .slice(0, 5)
    .map((c) => `"${c}"`)
    .join(' ');
}

/**
 * G0 "At most 13 tags": Handbook ("all 13 tags"); the editor disables the input at 13.
 * @internal exported for its unit test
 */
export const tooManyTags: TagListRule = ({ tags }) =>
  tags
    .slice(MAX_TAGS, MAX_TAGS + MAX_FINDINGS_PER_RULE)
    .map((t) =>
      finding('G0', `Etsy allows ${MAX_TAGS} tags; "${t.text}" won't be saved.`, spanOf(t)),
    );

/**
 * G1 "All 13 tags used": Handbook 2022, "How Etsy Search Works" ("Using all 13 tags").
 * @internal exported for its unit test
 */
export const unusedTagSlots: TagListRule = ({ distinctCount: distinct }) => {
  if (distinct >= MAX_TAGS) return [];
  const message =
    distinct === 0
      ? `You have no tags. Etsy recommends using all ${MAX_TAGS}: each one is another way shoppers find you.`
      : `You use ${distinct} different tags of ${MAX_TAGS}. Add ${MAX_TAGS - distinct} more: Etsy recommends using all ${MAX_TAGS}.`;
  return [finding('G1', message, FIELD_SPAN)];
};

/**
 * G2 "Each tag ≤ 20 characters": Etsy Help "How to Use Tags to Get Found in Search"
 * (article 360000336307); the editor drops longer tags silently.
 * @internal exported for its unit test
 */
export const tagTooLong: EachTagRule = (t) => {
  const length = codePointLength(t.text);
  if (length <= TAG_MAX_CHARS) return undefined;
  return finding(
    'G2',
    `"${t.text}" is ${length} characters; Etsy allows ${TAG_MAX_CHARS} and the editor drops longer tags without telling you.`,
    spanOf(t),
  );
};

/**
 * G3 "Only letters, numbers, spaces, - and '": the Open API spec's `tags` description.
 * @internal exported for its unit test
 */
export const tagHasInvalidCharacters: EachTagRule = (t) => {
  const bad = t.text.match(TAG_INVALID_G);
  if (!bad) return undefined;
  return finding(
    'G3',
    `"${t.text}" contains ${describeChars(bad)}, which Etsy doesn't allow in tags (only letters, numbers, spaces, - and ').`,
    spanOf(t),
  );
};

/**
 * G4 "No duplicate tags": Etsy's API answers "You may not have duplicate tags." (open-api#557).
 * @internal exported for its unit test
 */
export const duplicateTag: EachTagRule = (t, { firstByIdentity }) => {
  const first = firstByIdentity.get(t.identity);
  if (!first || first === t) return undefined;
  return finding(
    'G4',
    `"${t.text}" duplicates "${first.text}"; Etsy rejects duplicate tags.`,
    spanOf(t),
  );
};

/**
 * G5 "No near-duplicates (same words reordered, singular/plural)": Keywords 101, plurals don't
 * matter to Etsy's root matching. An exact duplicate is G4's, not this rule's.
 * @internal exported for its unit test
 */
export const sameSearchAsAnotherTag: EachTagRule = (t, { firstByIdentity, firstByPhrase }) => {
  const first = firstByPhrase.get(t.key);
  if (!first || first === t || firstByIdentity.get(t.identity) !== t) return undefined;
  return finding(
    'G5',
    `"${t.text}" is the same search as "${first.text}" (Etsy matches plurals and word order), so this slot is wasted.`,
    spanOf(t),
  );
};

/**
 * G8 "Tag only restates the category": Keywords 101, categories already act like tags.
 * @internal exported for its unit test
 */
export const restatesCategory: EachTagRule = (t, { categoryKeys }) => {
  if (!categoryKeys.has(t.key)) return undefined;
  return finding(
    'G8',
    `"${t.text}" only restates your category, which Etsy already matches on. Use this slot for another phrase.`,
    spanOf(t),
  );
};

/**
 * G10 "No opinion words in tags": third-party policy advice (irrelevant tags, keyword
 * stuffing). The opinion list is English, so other languages aren't judged.
 * @internal exported for its unit test
 */
export const opinionWordInTag: EachTagRule = (t, { language }) => {
  const opinion = mayBeEnglish(language) ? subjectiveWords(t.words, [])[0] : undefined;
  if (!opinion) return undefined;
  return finding(
    'G10',
    `"${opinion.text}" is an opinion word shoppers rarely search for; describe the item instead.`,
    spanOf(t),
  );
};

/**
 * G12 "Tag starts with - or '": one third-party checker (unconfirmed), hence only a tip.
 * @internal exported for its unit test
 */
export const startsWithPunctuation: EachTagRule = (t) => {
  if (!/^[-']/.test(t.text)) return undefined;
  return finding(
    'G12',
    `"${t.text}" starts with "${t.text[0]}"; start tags with a letter or number.`,
    spanOf(t),
  );
};

/**
 * G13 "Nothing about price, sales or shipping": the title guidance (T7) applied to tags.
 * @internal exported for its unit test
 */
export const promotionalTag: EachTagRule = (t) => {
  if (promoMatches(t.text).length === 0) return undefined;
  return finding(
    'G13',
    `"${t.text}" is about price, sales or shipping, which shoppers don't search for and Etsy asks you to leave out. Use the slot for what the item is.`,
    spanOf(t),
  );
};

function isCompound(t: TagEntry, language: Language): boolean {
  return (language === 'de' || language === 'nl') && t.text.length >= COMPOUND_MIN_LETTERS;
}

/**
 * G6 "Mostly multi-word phrases (warn if > 2 single-word tags)": Keywords 101.
 * @internal exported for its unit test
 */
export const mostlySingleWords: TagListRule = ({ tags, language }) => {
  const singleWord = tags.filter((t) => t.words.length === 1 && !isCompound(t, language));
  if (singleWord.length <= MAX_SINGLE_WORD_TAGS) return [];
  return singleWord
    .slice(0, MAX_FINDINGS_PER_RULE)
    .map((t) =>
      finding(
        'G6',
        `"${t.text}" is one word, and ${singleWord.length} of your tags are. Multi-word phrases, the way shoppers search, match better.`,
        spanOf(t),
      ),
    );
};

/**
 * G9 "Tags consist only of title words": newer Handbook guidance asks for variety (older Help
 * rewarded overlap, so the doc marks it a conflict); judged on the whole list, never one tag.
 * @internal exported for its unit test
 */
export const onlyTitleWords: TagListRule = ({ tags, titleWords }) => {
  if (tags.length < MIN_TAGS_FOR_TITLE_CHECK) return [];
  const title = new Set(titleWords.map((w) => w.stem));
  if (!tags.every((t) => t.stems.every((stem) => title.has(stem)))) return [];
  return [
    finding(
      'G9',
      'Every tag only repeats words from your title. Tags are your chance to match other searches: who it is for, the occasion, the style, other names for the item.',
      FIELD_SPAN,
    ),
  ];
};

/** The rules in the order their findings are listed: list-wide first, then tag by tag, then patterns. */
const LIST_RULES_FIRST: readonly TagListRule[] = [tooManyTags, unusedTagSlots];
const EACH_TAG_RULES: readonly EachTagRule[] = [
  tagTooLong,
  tagHasInvalidCharacters,
  duplicateTag,
  sameSearchAsAnotherTag,
  restatesCategory,
  opinionWordInTag,
  startsWithPunctuation,
  promotionalTag,
];
const LIST_RULES_LAST: readonly TagListRule[] = [mostlySingleWords, onlyTitleWords];

export interface TagCheck {
  findings: Finding[];
  /** Tags that count toward Etsy's 13: non-empty and distinct ignoring case. */
  distinctCount: number;
}

export function checkTags(
  rawTags: readonly string[],
  categoryPath: readonly string[],
  titleWords: readonly Word[] = [],
  language: Language = 'unknown',
): TagCheck {
  const context = tagsInContext(rawTags, categoryPath, titleWords, language);
  const findings: Finding[] = [];
  for (const rule of LIST_RULES_FIRST) findings.push(...rule(context));
  for (const tag of context.tags) {
    for (const rule of EACH_TAG_RULES) {
      const found = rule(tag, context);
      if (found) findings.push(found);
    }
  }
  for (const rule of LIST_RULES_LAST) findings.push(...rule(context));
  return { findings, distinctCount: context.distinctCount };
}
