import { describe, expect, it } from 'vitest';
import { CORPUS, type EvalListing } from '../../eval/corpus';
import {
  appliedDefaults,
  hardErrors,
  isUsefulTag,
  languageChanged,
  lostFacts,
  removedSellerTags,
} from '../../eval/measure';

/** The eval's measures must catch the harm they count, or `npm run eval` proves nothing. */
describe('eval measures', () => {
  const entry = CORPUS.find((e) => e.id === 'en-levis-strong') as EvalListing;

  it('the corpus has 60+ listings, 10+ categories, 4 languages and all three tiers', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((e) => e.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(CORPUS.map((e) => e.lang))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    expect(new Set(CORPUS.map((e) => e.tier))).toEqual(new Set(['strong', 'fair', 'weak']));
    for (const e of CORPUS) {
      for (const fact of e.facts)
        expect(e.listing.title.toLowerCase()).toContain(fact.toLowerCase());
    }
  });

  it('counts a removed seller tag, a lost fact, a changed language and a hard error', () => {
    const harmed = {
      title: 'Vintage Jeans, Light Wash Denim',
      description:
        'Alte Jeans aus den neunziger Jahren, hell gewaschen und mit geradem Bein geschnitten.',
      tags: entry.listing.tags.slice(1),
    };
    expect(removedSellerTags(entry.listing, harmed)).toEqual(['vintage levis']);
    expect(lostFacts(entry, harmed)).toEqual(["Levi's", '501', 'W32', 'L30', '1990s']);
    expect(languageChanged(entry, harmed)).toBe(true);
    expect(hardErrors({ ...harmed, tags: ['a,b', 'x', 'X'] })).toEqual([
      'tag "a,b"',
      'duplicate tags',
    ]);
  });

  it('keeping every default on the offline engine harms none of these', () => {
    const applied = appliedDefaults(entry.listing, {
      title: { value: entry.listing.title, reasons: [] },
      tags: entry.listing.tags.map((value) => ({ value, reason: '' })),
      description: { value: entry.listing.description, reasons: [] },
    });
    expect(removedSellerTags(entry.listing, applied)).toEqual([]);
    expect(lostFacts(entry, applied)).toEqual([]);
  });

  it('calls a tag useful only if it is a valid phrase about the listing, in its language', () => {
    expect(isUsefulTag('straight leg denim', entry)).toBe(true);
    expect(isUsefulTag('denim', entry)).toBe(false);
    expect(isUsefulTag('free shipping jeans', entry)).toBe(false);
    expect(isUsefulTag('geschenk für mama', entry)).toBe(false);
  });
});
