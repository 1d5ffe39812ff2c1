import { describe, expect, it } from 'vitest';
import type { ListingText } from '../../../lib/listing';
import {
  checkListing,
  isValidTag,
  isValidTitle,
  suggestOffline,
  tagIdentity,
} from '../../../lib/seo';
import { GOOD, listing } from './fixtures';

const wordCount = (s: string): number =>
  s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const MESSY: ListingText = {
  title:
    'Beautiful Boho Handmade Natural Cotton Macrame Wall Hanging, Boho Wall Decor, FREE SHIPPING, Sale ☕',
  description: 'Thanks for visiting my shop! Every piece is knotted by hand from soft cotton rope.',
  tags: ['macrame', 'boho', 'wall hanging', 'Wall Hanging', 'wall hangings', 'boho, decor'],
  materials: ['100% cotton', 'driftwood'],
  categoryPath: ['Home & Living', 'Home Decor', 'Wall Hangings'],
};

describe('suggestOffline title', () => {
  it('moves opinion and promotion words out and stays valid, keeping fragments that add a word', () => {
    const { title, description } = suggestOffline(MESSY);
    // "Boho Wall Decor" adds "decor", so it stays: only fragments that add nothing are dropped.
    expect(title.value).toBe('Macrame Wall Hanging, Boho Handmade Natural Cotton, Boho Wall Decor');
    expect(isValidTitle(title.value)).toBe(true);
    expect(title.reasons.join(' ')).toMatch(/"Beautiful"/);
    expect(title.reasons.join(' ')).toMatch(/"FREE SHIPPING"/);
    expect(description.reasons.join(' ')).toMatch(/"Beautiful"/);
  });

  it('drops a fragment that only repeats earlier words', () => {
    const { title } = suggestOffline(
      listing({ title: 'Macrame Wall Hanging, Cotton Rope Tapestry, Wall Hanging' }),
    );
    expect(title.value).toBe('Macrame Wall Hanging, Cotton Rope Tapestry');
    expect(title.reasons.join(' ')).toMatch(/"Wall Hanging": it only repeats words/);
  });

  it('never removes a fact: sizes, model numbers, brands and years stay', () => {
    const { title } = suggestOffline(
      listing({
        title:
          "Vintage Levi's 501 Jeans W32 L30, 1990s Light Wash Denim, Straight Leg Jeans, Button Fly Denim Pants Made in USA",
      }),
    );
    for (const fact of ["Levi's", '501', 'W32', 'L30', '1990s'])
      expect(title.value).toContain(fact);
  });

  it('recases a shouting title, keeping acronyms, sizes and units', () => {
    const { title } = suggestOffline(
      listing({ title: 'SOY CANDLE 8 OZ VANILLA SCENTED, SVG GIFT XL' }),
    );
    expect(title.value).toBe('Soy Candle 8 oz Vanilla Scented, SVG Gift XL');
  });

  it('does not reorder a title in a language whose word order it does not know', () => {
    const spanish = {
      title: 'Hechos a mano en plata, pendientes de aro para mujer',
      description: 'Pendientes de aro de plata hechos a mano en nuestro taller para mujer.',
      tags: ['pendientes de aro', 'regalo para mujer'],
      materials: [],
      categoryPath: [],
    };
    expect(suggestOffline(spanish).title.value).toBe(spanish.title);
  });

  it('puts the fragment naming the item first', () => {
    const { title } = suggestOffline(
      listing({ title: 'Boho Nursery Gift, Cotton Rope, Macrame Wall Hanging' }),
    );
    expect(title.value).toBe('Macrame Wall Hanging, Boho Nursery Gift, Cotton Rope');
    expect(title.reasons.join(' ')).toMatch(/to the front/);
  });

  it('keeps a title that already follows the guidance', () => {
    expect(suggestOffline(GOOD).title).toEqual({
      value: GOOD.title,
      reasons: ["Your title already follows Etsy's title guidance, so it is kept as is."],
    });
  });

  it('cuts a long title to fewer than 15 words at fragment boundaries', () => {
    const { title } = suggestOffline(
      listing({
        title:
          'Macrame Wall Hanging, Large Boho Cotton Rope Tapestry, Driftwood Nursery Decor, Bedroom Living Room Fiber Piece',
      }),
    );
    expect(wordCount(title.value)).toBeLessThan(15);
    expect(title.value).toBe(
      'Macrame Wall Hanging, Large Boho Cotton Rope Tapestry, Driftwood Nursery Decor',
    );
    // 11–14 words is only a soft tip; 15 or more is Etsy's warning.
    const t3 = checkListing(listing({ title: title.value })).findings.find((f) => f.rule === 'T3');
    expect(t3?.severity).not.toBe('warning');
  });

  it('starts from the category when the title is empty', () => {
    expect(suggestOffline(listing({ title: '' })).title.value).toBe('Wall Hangings');
  });
});

describe('suggestOffline tags', () => {
  it('keeps the seller’s tags, rephrases the invalid one, drops the duplicate, adds only phrases', () => {
    const { tags } = suggestOffline(MESSY);
    const values = tags.map((t) => t.value);
    for (const t of tags) {
      expect(isValidTag(t.value)).toBe(true);
      expect(t.reason).not.toBe('');
    }
    expect(new Set(values.map(tagIdentity)).size).toBe(values.length);
    expect(values).toEqual(
      expect.arrayContaining(['macrame', 'boho', 'wall hanging', 'boho decor']),
    );
    expect(values).not.toContain('Wall Hanging');
    const added = values.filter((v) => !MESSY.tags.includes(v) && v !== 'boho decor');
    expect(added.length).toBeGreaterThan(0);
    for (const v of added) expect(v.split(' ').length).toBeGreaterThanOrEqual(2);
  });

  it('added tags bring no new problems: no duplicate, near-duplicate or opinion tags', () => {
    const { tags } = suggestOffline(MESSY);
    const added = tags.map((t) => t.value).filter((v) => !MESSY.tags.includes(v));
    const after = checkListing({ ...MESSY, tags: added });
    const tagRules = after.findings.filter((f) => f.field === 'tags').map((f) => f.rule);
    for (const rule of ['G4', 'G5', 'G6', 'G10', 'G13'] as const)
      expect(tagRules).not.toContain(rule);
  });

  it('with 13 good seller tags, suggests nothing to replace them', () => {
    expect(suggestOffline(GOOD).tags.map((t) => t.value)).toEqual(GOOD.tags);
  });

  it('only uses words from the listing and says so when it cannot fill 13', () => {
    const sparse: ListingText = {
      title: 'Silver Ring',
      description: 'Sterling silver.',
      tags: [],
      materials: [],
      categoryPath: [],
    };
    const { tags } = suggestOffline(sparse);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.length).toBeLessThan(13);
    const own = new Set(['silver', 'ring', 'sterling', 'sterling silver']);
    for (const t of tags) {
      for (const w of t.value.split(' ')) expect(own.has(w)).toBe(true);
    }
    expect(tags.at(-1)?.reason).toMatch(/only had enough words for \d+ tags/);
  });

  it('trims an over-full tag list to the 13 good seller tags, dropping the duplicate and invalid ones', () => {
    const tags = [...GOOD.tags, 'MACRAME WALL HANGING', 'boho, decor', 'a'.repeat(30)];
    const suggested = suggestOffline(listing({ tags })).tags.map((t) => t.value);
    expect(suggested).toEqual(GOOD.tags);
    expect(suggested.every(isValidTag)).toBe(true);
  });

  it('keeps other languages in their own words', () => {
    const { tags, title } = suggestOffline({
      title: 'Tenture murale macramé, décoration bohème en coton',
      description: '<p>Cette tenture murale est nouée à la main en coton recyclé.</p>',
      tags: ['tenture murale'],
      materials: ['coton'],
      categoryPath: [],
    });
    expect(title.value).toBe('Tenture murale macramé, décoration bohème en coton');
    const words = new Set(
      'tenture murale macramé décoration bohème en coton cette est nouée à la main recyclé'.split(
        ' ',
      ),
    );
    for (const t of tags) for (const w of t.value.split(' ')) expect(words.has(w)).toBe(true);
    expect(tags.map((t) => t.value)).toContain('tenture murale');
  });

  it('names sources in reasons', () => {
    const reasons = suggestOffline(MESSY)
      .tags.map((t) => t.reason)
      .join(' | ');
    expect(reasons).toMatch(/your tag/);
    expect(reasons).toMatch(/phrase from your title/);
  });
});

describe('suggestOffline description', () => {
  it('adds a first sentence naming the item and keeps the seller text', () => {
    const { description } = suggestOffline(MESSY);
    expect(description.value.startsWith('Macrame Wall Hanging.\n\n')).toBe(true);
    expect(description.value.endsWith(MESSY.description)).toBe(true);
    expect(description.reasons[0]).toMatch(/first sentence naming the item/);
  });

  it('keeps a keyword-list opening but says to rewrite it', () => {
    const keywords = 'macrame, wall hanging, boho, tapestry, rope art\nKnotted by hand.';
    const { description } = suggestOffline(listing({ description: keywords }));
    expect(description.value).toBe(keywords);
    expect(description.reasons.join(' ')).toMatch(/list of keywords/);
  });

  it('leaves a description that already names the item', () => {
    expect(suggestOffline(GOOD).description.value).toBe(GOOD.description);
  });
});

describe('suggestOffline seller tags Etsy would refuse', () => {
  it('cleans them as repair does: points dropped, edge hyphens trimmed, one tag per search', () => {
    const s = suggestOffline(listing({ title: '', description: '', tags: ['שָׁלוֹם', 'שָׁלוֹם-'] }));
    expect(s.tags.map((t) => t.value)).toEqual(['שלום']);
    const marked = suggestOffline(listing({ title: '', description: '', tags: ['שׁ®'] }));
    expect(marked.tags.map((t) => t.value)).toEqual(['ש®']);
  });

  it('does not shorten one into the same search as another seller tag', () => {
    // Found by fast-check: "wallwall Beautiful for" is too long, and "Beautiful for" searches
    // as "Beautiful", which the seller already has.
    const s = suggestOffline(
      listing({ title: '', description: '', tags: ['Beautiful,', 'wallwall\nBeautiful`for'] }),
    );
    const values = s.tags.map((t) => t.value);
    expect(values).toContain('Beautiful');
    expect(values).not.toContain('Beautiful for');
    const after = checkListing({ ...listing({}), tags: values });
    expect(after.findings.filter((f) => f.rule === 'G5')).toEqual([]);
  });
});
