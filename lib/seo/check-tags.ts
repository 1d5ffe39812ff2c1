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

function describeChars(chars: Iterable<string>): string {
  return [...new Set(chars)]
    .slice(0, 5)
    .map((c) => `"${c}"`)
    .join(' ');
}

export interface TagCheck {
  findings: Finding[];
  /** Tags that count toward Etsy's 13: non-empty and distinct ignoring case. */
  distinctCount: number;
}

function onlyTitleWords(tags: readonly TagEntry[], titleWords: readonly Word[]): boolean {
  const title = new Set(titleWords.map((w) => w.stem));
  return tags.every((t) => t.stems.every((x) => title.has(x)));
}

function isCompound(t: TagEntry, language: Language): boolean {
  return (language === 'de' || language === 'nl') && t.text.length >= COMPOUND_MIN_LETTERS;
}

export function checkTags(
  rawTags: readonly string[],
  categoryPath: readonly string[],
  titleWords: readonly Word[] = [],
  language: Language = 'unknown',
): TagCheck {
  const english = mayBeEnglish(language);
  const findings: Finding[] = [];
  const tags: TagEntry[] = [];
  rawTags.forEach((raw, index) => {
    const text = normalizeText(raw).trim();
    if (text === '') return;
    const identity = tagIdentity(text);
    const words = wordsOf(text);
    const stems = [...new Set(contentWords(words).map((w) => w.stem))];
    tags.push({ index, text, identity, words, key: phraseKey(text, words), stems });
  });

  if (tags.length > MAX_TAGS) {
    for (const t of tags.slice(MAX_TAGS, MAX_TAGS + MAX_FINDINGS_PER_RULE)) {
      findings.push(
        finding(
          'G0',
          `Etsy allows ${MAX_TAGS} tags; "${t.text}" won't be saved.`,
          itemSpan(t.index, t.text),
        ),
      );
    }
  }
  const distinct = new Set(tags.map((t) => t.identity)).size;
  if (distinct < MAX_TAGS) {
    const missing = MAX_TAGS - distinct;
    findings.push(
      finding(
        'G1',
        distinct === 0
          ? `You have no tags. Etsy recommends using all ${MAX_TAGS}: each one is another way shoppers find you.`
          : `You use ${distinct} different tags of ${MAX_TAGS}. Add ${missing} more: Etsy recommends using all ${MAX_TAGS}.`,
        FIELD_SPAN,
      ),
    );
  }

  const identities = new Map<string, TagEntry>();
  const keys = new Map<string, TagEntry>();
  const categoryKeys = new Set(categoryPath.map((c) => phraseKey(normalizeText(c))));
  const singleWord: TagEntry[] = [];

  for (const t of tags) {
    const span = itemSpan(t.index, t.text);
    if (codePointLength(t.text) > TAG_MAX_CHARS) {
      findings.push(
        finding(
          'G2',
          `"${t.text}" is ${codePointLength(t.text)} characters; Etsy allows ${TAG_MAX_CHARS} and the editor drops longer tags without telling you.`,
          span,
        ),
      );
    }
    const bad = t.text.match(TAG_INVALID_G);
    if (bad) {
      findings.push(
        finding(
          'G3',
          `"${t.text}" contains ${describeChars(bad)}, which Etsy doesn't allow in tags (only letters, numbers, spaces, - and ').`,
          span,
        ),
      );
    }
    const sameTag = identities.get(t.identity);
    const samePhrase = keys.get(t.key);
    if (sameTag) {
      findings.push(
        finding(
          'G4',
          `"${t.text}" duplicates "${sameTag.text}"; Etsy rejects duplicate tags.`,
          span,
        ),
      );
    } else if (samePhrase) {
      findings.push(
        finding(
          'G5',
          `"${t.text}" is the same search as "${samePhrase.text}" (Etsy matches plurals and word order), so this slot is wasted.`,
          span,
        ),
      );
    }
    if (!sameTag) identities.set(t.identity, t);
    if (!samePhrase) keys.set(t.key, t);

    if (categoryKeys.has(t.key)) {
      findings.push(
        finding(
          'G8',
          `"${t.text}" only restates your category, which Etsy already matches on. Use this slot for another phrase.`,
          span,
        ),
      );
    }
    const opinion = english ? subjectiveWords(t.words, [])[0] : undefined;
    if (opinion) {
      findings.push(
        finding(
          'G10',
          `"${opinion.text}" is an opinion word shoppers rarely search for; describe the item instead.`,
          span,
        ),
      );
    }
    if (/^[-']/.test(t.text)) {
      findings.push(
        finding(
          'G12',
          `"${t.text}" starts with "${t.text[0]}"; start tags with a letter or number.`,
          span,
        ),
      );
    }
    const promo = promoMatches(t.text)[0];
    if (promo) {
      findings.push(
        finding(
          'G13',
          `"${t.text}" is about price, sales or shipping, which shoppers don't search for and Etsy asks you to leave out. Use the slot for what the item is.`,
          span,
        ),
      );
    }
    if (t.words.length === 1 && !isCompound(t, language)) singleWord.push(t);
  }

  if (singleWord.length > MAX_SINGLE_WORD_TAGS) {
    for (const t of singleWord.slice(0, MAX_FINDINGS_PER_RULE)) {
      findings.push(
        finding(
          'G6',
          `"${t.text}" is one word, and ${singleWord.length} of your tags are. Multi-word phrases, the way shoppers search, match better.`,
          itemSpan(t.index, t.text),
        ),
      );
    }
  }

  if (tags.length >= MIN_TAGS_FOR_TITLE_CHECK && onlyTitleWords(tags, titleWords)) {
    findings.push(
      finding(
        'G9',
        'Every tag only repeats words from your title. Tags are your chance to match other searches: who it is for, the occasion, the style, other names for the item.',
        FIELD_SPAN,
      ),
    );
  }
  return { findings, distinctCount: distinct };
}
