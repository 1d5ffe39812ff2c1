import type { Finding } from './findings';
import type { ItemVocabulary } from './item';
import { FIELD_SPAN, finding, textSpan } from './rules';
import { countWords, wordsOf } from './text';

/** Etsy shows roughly this much of a description before "Learn more"; only the opening matters here. */
const OPENING_MAX_CHARS = 400;
/** Etsy's guidance: the first sentence should say what the item is. */
const OPENING_SENTENCES = 1;
/** Below this a description can't give size, materials, care and who it's for. */
const DESCRIPTION_MIN_WORDS = 40;
const KEYWORD_LIST_MIN_FRAGMENTS = 4;
const KEYWORD_FRAGMENT_MAX_WORDS = 3;
const PASTED_TITLE_MIN_CHARS = 15;
const PASTED_TITLE_PREFIX = 40;

/**
 * A sentence ends at . ! ? or a line break, but ".\n" or "!!" is one end, and "8.5" or "e.g."
 * is none: the next character must be a space or line break that isn't itself another end.
 */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  const next = text[i + 1];
  if (c === '\n') return !/[.!?\n]/.test(text[i - 1] ?? '');
  if (c !== '.' && c !== '!' && c !== '?') return false;
  return next === undefined || next === ' ' || next === '\n' || next === '\r';
}

/** End offset of the first sentences, so a 100 KB description costs the same as a short one. */
export function openingEnd(description: string): number {
  const limit = Math.min(description.length, OPENING_MAX_CHARS);
  let sentences = 0;
  for (let i = 0; i < limit; i++) {
    if (endsSentence(description, i) && i > 0 && ++sentences === OPENING_SENTENCES) {
      return i + 1;
    }
  }
  return limit;
}

const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();

function looksLikePastedTitle(firstLine: string, title: string): boolean {
  // Cheap first-letter gate: nearly every description fails it, and squash() is the costly part.
  const initial = /[\p{L}\p{N}]/u.exec(title)?.[0]?.toLowerCase();
  if (initial === undefined || /[\p{L}\p{N}]/u.exec(firstLine)?.[0]?.toLowerCase() !== initial) {
    return false;
  }
  const t = squash(title.slice(0, PASTED_TITLE_PREFIX * 2));
  if (t.length < PASTED_TITLE_MIN_CHARS) return false;
  return squash(firstLine).startsWith(t.slice(0, PASTED_TITLE_PREFIX));
}

function looksLikeKeywordList(firstLine: string): boolean {
  const fragments = firstLine.split(/[,|]/).filter((f) => f.trim() !== '');
  return (
    fragments.length >= KEYWORD_LIST_MIN_FRAGMENTS &&
    fragments.every(
      (f) => wordsOf(f, KEYWORD_FRAGMENT_MAX_WORDS + 1).length <= KEYWORD_FRAGMENT_MAX_WORDS,
    )
  );
}

/** Shared with the suggester, which keeps the text but tells the seller what to rewrite. */
export function openingProblem(
  firstLine: string,
  title: string,
): 'pasted-title' | 'keyword-list' | null {
  if (looksLikePastedTitle(firstLine, title)) return 'pasted-title';
  return looksLikeKeywordList(firstLine) ? 'keyword-list' : null;
}

export function firstLineOf(description: string): string {
  const end = description.indexOf('\n');
  return description.slice(0, Math.min(end === -1 ? description.length : end, OPENING_MAX_CHARS));
}

/*
 * The description rules, one function each, with the evidence docs/etsy-seo-rules.md gives for
 * it (rule ids follow that document; rules.ts holds each rule's severity and source label).
 */

/**
 * What the description rules look at: the NFC description, where its text starts, the title.
 * @internal exported for its unit test
 */
export interface DescriptionInContext {
  description: string;
  /** Offset of the first non-space character. */
  start: number;
  title: string;
  vocab: ItemVocabulary;
  /** False when nothing tells us what the item is (no tags, category or known noun). */
  canJudgeItem: boolean;
}

type DescriptionRule = (context: DescriptionInContext) => Finding[];

/**
 * D1 "The first sentences name the item": Handbook 2022 (descriptions are matched in search)
 * and Keywords 101.
 * @internal exported for its unit test
 */
export const openingMissesItem: DescriptionRule = ({ description, start, vocab, canJudgeItem }) => {
  if (!canJudgeItem) return [];
  const end = Math.max(start, openingEnd(description));
  if (wordsOf(description.slice(start, end)).some((w) => vocab.isItemWord(w))) return [];
  return [
    finding(
      'D1',
      "The opening of your description doesn't say what the item is. Name it in the first sentence, naturally, as you would to a shopper.",
      textSpan(start, end),
    ),
  ];
};

/**
 * D3 "Long enough to say size, materials, care and who it's for": Keywords 101.
 * @internal exported for its unit test
 */
export const tooShort: DescriptionRule = ({ description }) => {
  const wordCount = countWords(description, DESCRIPTION_MIN_WORDS);
  if (wordCount >= DESCRIPTION_MIN_WORDS) return [];
  return [
    finding(
      'D3',
      `Your description has ${wordCount} words. Tell shoppers what it is, its size, materials, care and who it's for: Etsy may match search words in it, and buyers decide there.`,
      FIELD_SPAN,
    ),
  ];
};

const OPENING_PROBLEM_MESSAGES = {
  'pasted-title':
    'Your description starts by repeating the title. Open with a sentence written for a shopper instead.',
  'keyword-list':
    'Your description opens with a list of keywords. Open with a natural sentence; keywords belong in tags.',
};

/**
 * D2 "Doesn't open with a pasted title or a keyword list": third-party guidance.
 * @internal exported for its unit test
 */
export const openingNotForShoppers: DescriptionRule = ({ description, start, title }) => {
  const firstLine = firstLineOf(description.slice(start));
  const problem = openingProblem(firstLine, title);
  if (!problem) return [];
  return [
    finding('D2', OPENING_PROBLEM_MESSAGES[problem], textSpan(start, start + firstLine.length)),
  ];
};

/** The rules in the order their findings are listed. */
const DESCRIPTION_RULES: readonly DescriptionRule[] = [
  openingMissesItem,
  tooShort,
  openingNotForShoppers,
];

/** D1 "Description present" (Handbook 2022): nothing else is judged on an empty one. */
export function checkDescription(
  description: string,
  title: string,
  vocab: ItemVocabulary,
  canJudgeItem: boolean,
): Finding[] {
  const start = description.length - description.trimStart().length;
  if (start === description.length) {
    return [
      finding(
        'D1',
        'Your description is empty. Start with a sentence or two that say what the item is; Etsy may match search words in it.',
        FIELD_SPAN,
      ),
    ];
  }
  const context = { description, start, title, vocab, canJudgeItem };
  const findings: Finding[] = [];
  for (const rule of DESCRIPTION_RULES) findings.push(...rule(context));
  return findings;
}
