import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingText } from '../../../lib/listing';
import {
  checkListing,
  codePointLength,
  isValidTag,
  isValidTitle,
  repairTag,
  repairTitle,
  suggestOffline,
  tagIdentity,
  TAG_MAX_CHARS,
  TITLE_MAX_CHARS,
} from '../../../lib/seo';
import { isValidMaterial, repairMaterial } from '../../../lib/seo/validity';

/** Pieces chosen to hit every edge of the rules: NFC changes, marks, RTL, HTML, once-only symbols. */
const PIECES = [
  'wall',
  'hanging',
  'Macrame',
  'boho',
  'gift',
  'for',
  'her',
  'Beautiful',
  'sale',
  '20% off',
  'Free Shipping',
  'Wall',
  'Hangings',
  't-shirt',
  "mother's",
  'x'.repeat(25),
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u3000',
  ',',
  '|',
  '-',
  "'",
  '.',
  '%',
  ':',
  '&',
  '+',
  '$',
  '^',
  '`',
  '°',
  '™',
  '©',
  '®',
  '€',
  '<b>',
  '</p>',
  '&amp;',
  '"',
  '👩‍👩‍👧',
  '☕',
  '🇫🇷',
  '\u0301',
  '\u0323\u0301',
  'e\u0301',
  '\ufe0f',
  '\u200d',
  '\u202e',
  'שָׁלוֹם',
  '\ufb2a',
  'مرحبا',
  'ﬂ',
  '\u1100',
  '\u1161',
  '\u11a8',
  'Ω',
  '\u212b',
  '１２３',
  '\ud800',
  '\udc00',
  '𝒜',
  'ß',
  'İ',
  'ǅ',
];
const adversarial = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 40 })
  .map((parts) => parts.join(''));
const text = fc.oneof(
  adversarial,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
);
const listingArb: fc.Arbitrary<ListingText> = fc.record({
  title: text,
  description: text,
  tags: fc.array(text, { maxLength: 16 }),
  materials: fc.array(text, { maxLength: 4 }),
  categoryPath: fc.array(text, { maxLength: 3 }),
});

const RUNS = { numRuns: 400 };

describe('validity repairs are total and always valid', () => {
  it('repairTitle returns a valid, NFC, idempotent title', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const { value } = repairTitle(raw);
        expect(isValidTitle(value)).toBe(true);
        expect(codePointLength(value)).toBeLessThanOrEqual(TITLE_MAX_CHARS);
        expect(value).toBe(value.normalize('NFC'));
        expect(repairTitle(value).value).toBe(value);
      }),
      RUNS,
    );
  });

  it('repairTag returns null or a valid, idempotent tag', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const tag = repairTag(raw);
        if (tag === null) return;
        expect(isValidTag(tag)).toBe(true);
        expect(codePointLength(tag)).toBeLessThanOrEqual(TAG_MAX_CHARS);
        expect(repairTag(tag)).toBe(tag);
      }),
      RUNS,
    );
  });

  it('repairTag leaves an already valid tag untouched', () => {
    const word = fc.constantFrom('wall', 'Café', 't-shirt', "mom's", 'שלום', 'مرحبا', '𝒜', '123');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const tag = words.join(' ');
        fc.pre(codePointLength(tag) <= TAG_MAX_CHARS);
        expect(repairTag(tag)).toBe(tag);
      }),
    );
  });

  it('repairMaterial returns null or a valid material', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const material = repairMaterial(raw);
        if (material !== null) expect(isValidMaterial(material)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('checkListing on anything', () => {
  it('never throws, scores 0–100 and keeps spans inside the text', () => {
    fc.assert(
      fc.property(listingArb, (l) => {
        const result = checkListing(l);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.composition.reduce((s, c) => s + c.earned, 0)).toBe(result.score);
        for (const f of result.findings) {
          expect(f.message).not.toBe('');
          if (f.span.kind !== 'text') continue;
          const field =
            f.field === 'title' ? result.normalized.title : result.normalized.description;
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.start).toBeLessThanOrEqual(f.span.end);
          expect(f.span.end).toBeLessThanOrEqual(field.length);
        }
      }),
      RUNS,
    );
  });
});

describe('suggestOffline on anything', () => {
  it('suggests only values Etsy accepts', () => {
    fc.assert(
      fc.property(listingArb, (l) => {
        const s = suggestOffline(l);
        expect(isValidTitle(s.title.value)).toBe(true);
        const words = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        // Under 15 words, unless the seller's title was longer: a fact is never cut to get there.
        expect(words(s.title.value)).toBeLessThanOrEqual(Math.max(14, words(l.title)));
        expect(s.title.reasons.length).toBeGreaterThan(0);
        expect(s.tags.length).toBeLessThanOrEqual(13);
        for (const t of s.tags) {
          expect(isValidTag(t.value)).toBe(true);
          expect(t.reason).not.toBe('');
        }
        expect(new Set(s.tags.map((t) => tagIdentity(t.value))).size).toBe(s.tags.length);
        const after = checkListing({
          ...l,
          title: s.title.value,
          tags: s.tags.map((t) => t.value),
        });
        // Etsy's hard rules hold; a near-duplicate may remain only between the seller's own tags
        // (as Etsy would accept them: "שׁ" and "שׁ®" both keep their letters once repaired).
        const own = new Set(
          l.tags.flatMap((t) => [tagIdentity(t), tagIdentity(repairTag(t) ?? '')]),
        );
        const broken = after.findings.filter(
          (f) =>
            ['T1', 'T2', 'T2b', 'G0', 'G2', 'G3', 'G4'].includes(f.rule) ||
            (f.rule === 'G5' && f.span.kind === 'item' && !own.has(tagIdentity(f.span.value))),
        );
        expect(broken).toEqual([]);
      }),
      RUNS,
    );
  });

  it('fills empty slots with whole phrases only when the listing has plenty of its own words', () => {
    const word = fc.constantFrom(
      'macrame',
      'cotton',
      'rope',
      'wall',
      'hanging',
      'boho',
      'nursery',
      'tapestry',
      'driftwood',
      'woven',
      'fiber',
      'bedroom',
      'living',
      'room',
      'natural',
      'beige',
      'large',
      'knotted',
    );
    const sentence = fc.array(word, { minLength: 6, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 8, maxLength: 12 }), (sentences) => {
        // Plenty of its own words: one word said over and over is not (fast-check found it).
        fc.pre(new Set(sentences.join(' ').match(/[a-z]+/g)).size >= 6);
        const s = suggestOffline({
          title: 'Macrame Wall Hanging',
          description: sentences.join(' '),
          tags: [],
          materials: [],
          categoryPath: [],
        });
        // Only phrases that name the item or its buyer are added, never a bare word.
        expect(s.tags.length).toBeGreaterThanOrEqual(5);
        for (const tag of s.tags) expect(tag.value.split(' ').length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100 },
    );
  });
});

describe('huge input', () => {
  it('handles 100 KB of adversarial text in every field quickly', () => {
    const huge = fc.sample(adversarial, { numRuns: 2000, seed: 7 }).join(' ').slice(0, 100_000);
    const l: ListingText = {
      title: huge,
      description: huge,
      tags: Array.from({ length: 20 }, () => huge.slice(0, 5000)),
      materials: [huge.slice(0, 5000)],
      categoryPath: [huge.slice(0, 1000)],
    };
    const start = performance.now();
    checkListing(l);
    const s = suggestOffline(l);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(isValidTitle(s.title.value)).toBe(true);
    for (const t of s.tags) expect(isValidTag(t.value)).toBe(true);
  });
});
