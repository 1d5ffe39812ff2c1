import { describe, expect, it } from 'vitest';
import {
  openingMissesItem,
  openingNotForShoppers,
  tooShort,
  type DescriptionInContext,
} from '../../../lib/seo/check-description';
import {
  duplicateTag,
  mostlySingleWords,
  onlyTitleWords,
  opinionWordInTag,
  promotionalTag,
  restatesCategory,
  sameSearchAsAnotherTag,
  startsWithPunctuation,
  tagHasInvalidCharacters,
  tagsInContext,
  tagTooLong,
  tooManyTags,
  unusedTagSlots,
} from '../../../lib/seo/check-tags';
import {
  breaksEtsyTitleRules,
  itemNotInLead,
  keywordList,
  opinionWords,
  promotionalWords,
  repeatedWord,
  shouting,
  thinTitle,
  titleInContext,
  tooManyWords,
} from '../../../lib/seo/check-title';
import type { Finding, RuleId } from '../../../lib/seo';
import { ItemVocabulary } from '../../../lib/seo/item';
import type { Language } from '../../../lib/seo/language';
import { wordsOf } from '../../../lib/seo/text';
import { GOOD } from './fixtures';

/** Each rule of the checker on its own: it speaks up on the case it is for, and only then. */

const rulesOf = (findings: readonly Finding[]): RuleId[] => findings.map((f) => f.rule);
const TAGS_12 = GOOD.tags.slice(0, 12);
const vocab = new ItemVocabulary(GOOD, 'en');

function tags(list: readonly string[], title = GOOD.title, language: Language = 'en') {
  return tagsInContext(list, GOOD.categoryPath, wordsOf(title), language);
}

/** Runs a per-tag rule on the last tag of the list, the one each case adds. */
function lastTag(
  rule: typeof tagTooLong,
  list: readonly string[],
  language: Language = 'en',
): RuleId[] {
  const context = tags(list, GOOD.title, language);
  const found = rule(context.tags[context.tags.length - 1]!, context);
  return found ? [found.rule] : [];
}

describe('tag rules', () => {
  it('G0 tooManyTags: only tags beyond 13', () => {
    expect(rulesOf(tooManyTags(tags([...GOOD.tags, 'extra tag'])))).toEqual(['G0']);
    expect(tooManyTags(tags(GOOD.tags))).toEqual([]);
  });

  it('G1 unusedTagSlots: counts distinct tags, ignoring case and blanks', () => {
    expect(rulesOf(unusedTagSlots(tags([...TAGS_12, 'Macrame Wall Hanging', ' '])))).toEqual([
      'G1',
    ]);
    expect(unusedTagSlots(tags(GOOD.tags))).toEqual([]);
  });

  it('G2 tagTooLong: over 20 characters', () => {
    expect(lastTag(tagTooLong, [...TAGS_12, 'large macrame wall hanging'])).toEqual(['G2']);
    expect(lastTag(tagTooLong, [...TAGS_12, 'twenty chars exactly'])).toEqual([]);
  });

  it("G3 tagHasInvalidCharacters: anything but letters, numbers, spaces, - and '", () => {
    expect(lastTag(tagHasInvalidCharacters, [...TAGS_12, 'boho, decor'])).toEqual(['G3']);
    expect(lastTag(tagHasInvalidCharacters, [...TAGS_12, "mom's rope-art"])).toEqual([]);
  });

  it('G4 duplicateTag: a later tag equal ignoring case, never the first one', () => {
    const list = [...TAGS_12, 'Macrame Wall Hanging'];
    expect(lastTag(duplicateTag, list)).toEqual(['G4']);
    const context = tags(list);
    expect(duplicateTag(context.tags[0]!, context)).toBeUndefined();
  });

  it('G5 sameSearchAsAnotherTag: plurals and word order, but not an exact duplicate', () => {
    expect(lastTag(sameSearchAsAnotherTag, [...TAGS_12, 'tapestry rope'])).toEqual(['G5']);
    expect(lastTag(sameSearchAsAnotherTag, [...TAGS_12, 'Macrame Wall Hanging'])).toEqual([]);
  });

  it('G8 restatesCategory: the category leaf as a tag', () => {
    expect(lastTag(restatesCategory, [...TAGS_12, 'wall hangings'])).toEqual(['G8']);
    expect(lastTag(restatesCategory, [...TAGS_12, 'wall hanging kit'])).toEqual([]);
  });

  it('G10 opinionWordInTag: English opinion words only where English is likely', () => {
    expect(lastTag(opinionWordInTag, [...TAGS_12, 'stunning nursery art'])).toEqual(['G10']);
    expect(lastTag(opinionWordInTag, [...TAGS_12, 'stunning nursery art'], 'de')).toEqual([]);
  });

  it('G12 startsWithPunctuation: a leading - or apostrophe', () => {
    expect(lastTag(startsWithPunctuation, [...TAGS_12, '-rope art'])).toEqual(['G12']);
    expect(lastTag(startsWithPunctuation, [...TAGS_12, 'rope-art'])).toEqual([]);
  });

  it('G13 promotionalTag: price, sales or shipping', () => {
    expect(lastTag(promotionalTag, [...TAGS_12, 'free shipping'])).toEqual(['G13']);
    expect(lastTag(promotionalTag, [...TAGS_12, 'salesman gift'])).toEqual([]);
  });

  it('G6 mostlySingleWords: more than two one-word tags, German compounds aside', () => {
    const three = [...GOOD.tags.slice(0, 10), 'macrame', 'boho', 'tapestry'];
    expect(rulesOf(mostlySingleWords(tags(three)))).toEqual(['G6', 'G6', 'G6']);
    const compounds = ['kaffeetasse', 'namenstasse', 'muttertagsgeschenk'];
    expect(mostlySingleWords(tags(compounds, GOOD.title, 'de'))).toEqual([]);
  });

  it('G9 onlyTitleWords: four or more tags, all made of title words', () => {
    const title = 'Macrame Wall Hanging, Boho Decor, Cotton Rope Tapestry';
    const fromTitle = ['macrame wall hanging', 'boho decor', 'cotton rope', 'rope tapestry'];
    expect(rulesOf(onlyTitleWords(tags(fromTitle, title)))).toEqual(['G9']);
    expect(onlyTitleWords(tags(fromTitle.slice(0, 3), title))).toEqual([]);
    expect(onlyTitleWords(tags([...fromTitle, 'nursery decor'], title))).toEqual([]);
  });
});

describe('title rules', () => {
  const title = (text: string, language: Language = 'en') => titleInContext(text, vocab, language);

  it.each([
    [
      'T1/T2/T2b breaksEtsyTitleRules',
      breaksEtsyTitleRules,
      'Macrame Wall Hanging & Rope & Cotton',
      'T2b',
    ],
    ['T11 thinTitle', thinTitle, 'Keychain Keychain Cute Keychain', 'T11'],
    [
      'T3 tooManyWords',
      tooManyWords,
      'Macrame Wall Hanging Large Boho Cotton Rope Tapestry Driftwood Nursery Bedroom Living Room Fiber Piece',
      'T3',
    ],
    [
      'T4 itemNotInLead',
      itemNotInLead,
      'Boho Handmade Natural Cotton Rope Bohemian Macrame Wall Hanging',
      'T4',
    ],
    ['T5 opinionWords', opinionWords, 'Beautiful Macrame Wall Hanging, Boho Decor', 'T5'],
    ['T6 repeatedWord', repeatedWord, 'Macrame Wall Hanging, Boho Hangings', 'T6'],
    ['T7 promotionalWords', promotionalWords, 'Macrame Wall Hanging 20% OFF', 'T7'],
    ['T10 shouting', shouting, 'MACRAME WALL HANGING BOHO DECOR', 'T10'],
    [
      'T8 keywordList',
      keywordList,
      'Macrame Wall Hanging | Boho Decor | Tapestry | Rope Art',
      'T8',
    ],
  ])('%s: speaks up on its case and is silent on a good title', (_name, rule, bad, id) => {
    expect(rulesOf(rule(title(bad)))).toContain(id);
    expect(rule(title(GOOD.title))).toEqual([]);
  });

  it('T4 and T5 leave word order and opinions alone outside English', () => {
    const late = 'Boho Handmade Natural Cotton Rope Bohemian Macrame Wall Hanging';
    expect(itemNotInLead(title(late, 'de'))).toEqual([]);
    expect(opinionWords(title('Beautiful Macrame Wall Hanging', 'fr'))).toEqual([]);
  });

  it('T10 is a tip for a few capitals and a warning for a shouted title', () => {
    expect(
      shouting(title('Macrame WALL HANGING BOHO DECOR Cotton Rope Tapestry Art'))[0]?.severity,
    ).toBe('tip');
    expect(shouting(title('MACRAME WALL HANGING BOHO DECOR'))[0]?.severity).toBe('warning');
  });
});

describe('description rules', () => {
  const description = (text: string, canJudgeItem = true): DescriptionInContext => ({
    description: text,
    start: text.length - text.trimStart().length,
    title: GOOD.title,
    vocab,
    canJudgeItem,
  });

  it('D1 openingMissesItem: the first sentence names no item word', () => {
    const vague = 'I love making things. Thanks for visiting!';
    expect(rulesOf(openingMissesItem(description(vague)))).toEqual(['D1']);
    expect(openingMissesItem(description(vague, false))).toEqual([]);
    expect(openingMissesItem(description(GOOD.description))).toEqual([]);
  });

  it('D3 tooShort: fewer than 40 words', () => {
    expect(rulesOf(tooShort(description('A macrame wall hanging. Cotton rope.')))).toEqual(['D3']);
    expect(tooShort(description(GOOD.description))).toEqual([]);
  });

  it('D2 openingNotForShoppers: a pasted title or a keyword list on the first line', () => {
    const pasted = `${GOOD.title}\nKnotted by hand.`;
    const keywords = 'macrame, wall hanging, boho, tapestry, rope art\nMore text.';
    expect(rulesOf(openingNotForShoppers(description(pasted)))).toEqual(['D2']);
    expect(rulesOf(openingNotForShoppers(description(keywords)))).toEqual(['D2']);
    expect(openingNotForShoppers(description(GOOD.description))).toEqual([]);
  });
});
