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
  it('moves opinion and promotion words out, removes repeats and stays valid', () => {
    const { title, description } = suggestOffline(MESSY);
    expect(title.value).toBe('Macrame Wall Hanging, Boho Handmade Natural Cotton');
    expect(isValidTitle(title.value)).toBe(true);
    expect(title.reasons.join(' ')).toMatch(/"Beautiful"/);
    expect(title.reasons.join(' ')).toMatch(/"FREE SHIPPING"/);
    expect(title.reasons.join(' ')).toMatch(/"Boho Wall Decor": it repeats words/);
    expect(description.reasons.join(' ')).toMatch(/"Beautiful"/);
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
  it('returns 13 valid, distinct, mostly multi-word tags with reasons', () => {
    const { tags } = suggestOffline(MESSY);
    expect(tags).toHaveLength(13);
    for (const t of tags) {
      expect(isValidTag(t.value)).toBe(true);
      expect(t.reason).not.toBe('');
    }
    expect(new Set(tags.map((t) => tagIdentity(t.value))).size).toBe(13);
    expect(tags.filter((t) => !t.value.includes(' ')).length).toBeLessThanOrEqual(2);
    expect(tags.map((t) => t.value)).toContain('boho decor');
    expect(tags.map((t) => t.value)).not.toContain('wall hangings');
  });

  it('passes the checker: no duplicate, near-duplicate, opinion or overused-root tags', () => {
    const { tags, title, description } = suggestOffline(MESSY);
    const after = checkListing({
      ...MESSY,
      title: title.value,
      description: description.value,
      tags: tags.map((t) => t.value),
    });
    const tagRules = after.findings.filter((f) => f.field === 'tags').map((f) => f.rule);
    expect(tagRules).not.toContain('G4');
    expect(tagRules).not.toContain('G5');
    expect(tagRules).not.toContain('G6');
    expect(tagRules).not.toContain('G10');
    expect(after.score).toBeGreaterThan(checkListing(MESSY).score);
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
    const own = new Set(['silver', 'ring', 'sterling']);
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
