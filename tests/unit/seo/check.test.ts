import { describe, expect, it } from 'vitest';
import type { ListingText } from '../../../lib/listing';
import { checkListing, type RuleId } from '../../../lib/seo';
import { openingEnd } from '../../../lib/seo/check-description';
import { GOOD, listing } from './fixtures';

const rulesOf = (l: ListingText): RuleId[] => checkListing(l).findings.map((f) => f.rule);
const TAGS_12 = GOOD.tags.slice(0, 12);

describe('checkListing', () => {
  it('finds nothing wrong with a listing that follows the guidance', () => {
    const result = checkListing(GOOD);
    expect(result.findings).toEqual([]);
    expect(result.score).toBe(100);
  });

  it.each<[RuleId, string, Partial<ListingText>]>([
    ['T0', 'empty title', { title: '  ' }],
    ['T1', 'title over 140 characters', { title: `Macrame Wall Hanging ${'x'.repeat(130)}` }],
    ['T2', 'emoji in title', { title: 'Macrame Wall Hanging 🌿 Boho Decor' }],
    ['T2b', 'two ampersands', { title: 'Macrame Wall Hanging & Rope & Cotton' }],
    [
      'T3',
      '15 words',
      {
        title:
          'Macrame Wall Hanging Large Boho Cotton Rope Tapestry Driftwood Nursery Bedroom Living Room Fiber Piece',
      },
    ],
    [
      'T4',
      'item named late',
      { title: 'Boho Handmade Natural Cotton Rope Bohemian Macrame Wall Hanging' },
    ],
    ['T4', 'item not named', { title: 'Boho Bohemian Natural Cotton Rope' }],
    ['T5', 'subjective word', { title: 'Beautiful Macrame Wall Hanging, Boho Decor' }],
    ['T6', 'repeated word (stemmed)', { title: 'Macrame Wall Hanging, Boho Hangings' }],
    ['T7', 'free shipping', { title: 'Macrame Wall Hanging Free Shipping' }],
    ['T7', 'percent off', { title: 'Macrame Wall Hanging 20% OFF' }],
    ['T10', 'shouting', { title: 'MACRAME WALL HANGING BOHO DECOR' }],
    [
      'T8',
      'keyword list title',
      { title: 'Macrame Wall Hanging | Boho Decor | Tapestry | Rope Art' },
    ],
    ['G0', '14 tags', { tags: [...GOOD.tags, 'extra tag'] }],
    ['G1', '12 tags', { tags: TAGS_12 }],
    ['G2', 'tag over 20 characters', { tags: [...TAGS_12, 'large macrame wall hanging'] }],
    ['G3', 'comma in tag', { tags: [...TAGS_12, 'boho, decor'] }],
    ['G4', 'duplicate ignoring case', { tags: [...TAGS_12, 'Macrame Wall Hanging'] }],
    ['G5', 'plural near-duplicate', { tags: [...TAGS_12, 'macrame wall hangings'] }],
    ['G5', 'reordered near-duplicate', { tags: [...TAGS_12, 'tapestry rope'] }],
    [
      'G6',
      'three single-word tags',
      { tags: [...GOOD.tags.slice(0, 10), 'macrame', 'boho', 'tapestry'] },
    ],
    ['T11', 'a one-word title', { title: 'Necklace' }],
    ['T11', 'a title that only repeats itself', { title: 'Keychain Keychain Cute Keychain' }],
    ['T10', 'a title in capitals', { title: 'MACRAME WALL HANGING BOHO DECOR' }],
    [
      'G9',
      'every tag only repeats the title',
      {
        title: 'Macrame Wall Hanging, Boho Decor, Cotton Rope Tapestry',
        tags: [
          'macrame wall hanging',
          'boho decor',
          'cotton rope',
          'rope tapestry',
          'wall hanging',
        ],
      },
    ],
    ['G13', 'a free shipping tag', { tags: [...TAGS_12, 'free shipping'] }],
    ['G13', 'a sale tag', { tags: [...TAGS_12, 'sale'] }],
    ['D3', 'a short description', { description: 'A macrame wall hanging. Cotton rope.' }],
    ['G8', 'tag restates category', { tags: [...TAGS_12, 'wall hangings'] }],
    ['G10', 'opinion word in a tag', { tags: [...TAGS_12, 'stunning nursery art'] }],
    ['G12', 'tag starts with a dash', { tags: [...TAGS_12, '-rope art'] }],
    ['D1', 'empty description', { description: '' }],
    [
      'D1',
      'opening does not name the item',
      { description: 'I love making things. Thanks for visiting!' },
    ],
    ['D2', 'pasted title', { description: `${GOOD.title}\nKnotted by hand.` }],
    [
      'D2',
      'keyword list',
      { description: 'macrame, wall hanging, boho, tapestry, rope art\nMore text.' },
    ],
    ['M1', 'percent in material', { materials: ['100% cotton'] }],
  ])('%s: %s', (rule, _name, overrides) => {
    expect(rulesOf(listing(overrides))).toContain(rule);
  });

  it.each<[RuleId, string, Partial<ListingText>]>([
    ['T4', 'item in the first words', { title: 'Boho Macrame Wall Hanging' }],
    [
      'T4',
      'unknown language and no evidence',
      { title: 'Ręcznie robiona makatka', tags: [], categoryPath: [] },
    ],
    ['T5', '"best friend" names a recipient', { title: 'Best Friend Macrame Wall Hanging' }],
    [
      'T6',
      'stopwords may repeat',
      { title: 'Macrame Wall Hanging for the Nursery or the Bedroom' },
    ],
    ['T7', '"sale" inside another word', { title: 'Macrame Wall Hanging Salesman Gift' }],
    ['T10', 'a couple of acronyms', { title: 'Macrame Wall Hanging USA XL' }],
    ['G6', 'two single-word tags', { tags: [...GOOD.tags.slice(0, 11), 'macrame', 'boho'] }],
    ['G10', '"cute" is what shoppers type', { tags: [...TAGS_12, 'cute nursery art'] }],
    ['G10', '"best friend" names a recipient', { tags: [...TAGS_12, 'best friend gift'] }],
    ['T6', 'units after two sizes', { title: 'Amber Glass Jar, 8 oz or 12 oz, Candle Vessel' }],
    [
      'G6',
      'German compound words are whole search terms',
      {
        title: 'Personalisierte Kaffeetasse mit Namen, Geschenk für Mama',
        description: 'Diese Kaffeetasse wird mit deinem Namen bedruckt, ein Geschenk für Mama.',
        tags: ['kaffeetasse', 'namenstasse', 'muttertagsgeschenk', 'geschenk für mama'],
        categoryPath: [],
      },
    ],
    [
      'T4',
      'Spanish names the item first; English word order is not applied',
      {
        title: 'Pendientes de plata hechos a mano para mujer, regalo para mamá',
        description: 'Pendientes de plata hechos a mano en nuestro taller.',
        tags: ['pendientes de plata', 'regalo para mamá'],
        categoryPath: [],
      },
    ],
    [
      'D1',
      'non-English opening that names the tag head',
      {
        title: 'Tenture murale macramé',
        description: 'Cette tenture murale est nouée à la main.',
        tags: ['tenture murale'],
        categoryPath: [],
      },
    ],
  ])('no %s: %s', (rule, _name, overrides) => {
    expect(rulesOf(listing(overrides))).not.toContain(rule);
  });

  it('reads the first sentence whole: "8.5" and ".\\n" are not two sentence ends', () => {
    const text = 'Cotton wall hanging, 8.5 in wide.\nMore details below. And more.';
    expect(text.slice(0, openingEnd(text))).toBe('Cotton wall hanging, 8.5 in wide.');
    const opensLate = 'Hello and welcome!\nThis macrame wall hanging is knotted by hand.';
    expect(rulesOf(listing({ description: `${opensLate} ${GOOD.description}` }))).toContain('D1');
  });

  it('gives spans into the NFC text', () => {
    const result = checkListing(listing({ title: 'Cafe\u0301 Mug, Stunning Macrame' }));
    const t5 = result.findings.find((f) => f.rule === 'T5');
    expect(result.normalized.title).toBe('Café Mug, Stunning Macrame');
    expect(t5?.span).toEqual({ kind: 'text', start: 10, end: 18 });
    expect(result.normalized.title.slice(10, 18)).toBe('Stunning');
  });

  it('points item findings at the offending tag and labels the source', () => {
    const [g3] = checkListing(listing({ tags: [...TAGS_12, 'boho, decor'] })).findings.filter(
      (f) => f.rule === 'G3',
    );
    expect(g3).toMatchObject({
      severity: 'error',
      field: 'tags',
      span: { kind: 'item', index: 12, value: 'boho, decor' },
      source: 'etsy-api-spec',
    });
    expect(g3?.sourceLabel).toMatch(/Open API/);
  });

  it('explains the score: components add up and lifts name the missing points', () => {
    const result = checkListing(listing({ tags: GOOD.tags.slice(0, 9) }));
    const tags = result.composition.find((c) => c.id === 'tags');
    // An empty slot costs its share of the whole tag score (35 points ÷ 13 slots).
    expect(tags?.lifts[0]).toEqual({ action: 'Add 4 more tags', points: 11 });
    expect(result.score).toBe(result.composition.reduce((s, c) => s + c.earned, 0));
    for (const c of result.composition) {
      expect(c.earned + c.lifts.reduce((s, l) => s + l.points, 0)).toBe(c.possible);
    }
    expect(result.score).toBe(89);
  });

  it('scores an empty listing low but never below zero', () => {
    const result = checkListing({
      title: '',
      description: '',
      tags: [],
      materials: [],
      categoryPath: [],
    });
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThan(30);
    expect(result.findings.map((f) => f.rule)).toEqual(['T0', 'G1', 'D1']);
  });

  it('caps repeated findings so one bad habit does not bury the rest', () => {
    const result = checkListing(listing({ title: `Macrame Wall Hanging ${'☕'.repeat(500)}` }));
    expect(result.findings.filter((f) => f.rule === 'T2')).toHaveLength(10);
  });

  it('checks a 100 KB description in linear time', () => {
    const description = `Macrame wall hanging. ${'<p>Knotted cotton & rope, 🌿 handmade.</p> '.repeat(2500)}`;
    expect(description.length).toBeGreaterThan(100_000);
    const start = performance.now();
    const result = checkListing(listing({ description, title: description }));
    expect(performance.now() - start).toBeLessThan(500);
    expect(result.findings.some((f) => f.rule === 'T1')).toBe(true);
  });
});
