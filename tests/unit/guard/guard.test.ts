import { describe, expect, it } from 'vitest';
import type { ListingText, Suggestion } from '@/lib/listing';
import { guardedOffline, guardSuggestion } from '@/lib/guard';
import { guardDescriptionFacts, guardTitleFacts } from '@/lib/guard/facts';
import { inventedClaims, listingVocabulary } from '@/lib/guard/invention';
import { inOtherLanguage, tagLanguageProblem } from '@/lib/guard/language';
import { isCutFragment } from '@/lib/guard/tags';
import { extractFacts } from '@/lib/seo';
import { detectLanguage } from '@/lib/seo/language';

const MUG: ListingText = {
  title: 'Personalized Ceramic Coffee Mug with Name, 14 oz, Mothers Day Gift for Mom',
  description:
    'A personalized ceramic coffee mug printed with the name of your choice. Holds 14 oz, dishwasher safe.',
  tags: ['personalized mug', 'mug for mom', '14 oz mug'],
  materials: ['ceramic'],
  categoryPath: ['Home & Living', 'Mugs'],
};

function suggestion(
  parts: Partial<{ title: string; tags: string[]; description: string }>,
): Suggestion {
  return {
    title: { value: parts.title ?? MUG.title, reasons: ['model reason'] },
    tags: (parts.tags ?? MUG.tags).map((value) => ({ value, reason: 'model' })),
    description: { value: parts.description ?? MUG.description, reasons: ['model reason'] },
  };
}

describe('facts', () => {
  it('finds numbers with their units, model numbers, sizes, years and brands', () => {
    const facts = extractFacts(
      "Vintage Levi's 501 Jeans W32 L30, 1990s, 8 x 10 in, iPad Pro, size XL",
    );
    expect(facts.map((f) => f.text)).toEqual([
      "Levi's",
      '501',
      'W32',
      'L30',
      '1990s',
      '8 x 10',
      'iPad',
      'XL',
    ]);
  });

  it('does not count a promotion as a fact', () => {
    expect(extractFacts('Silver Earrings 20% OFF')).toEqual([]);
  });

  it('puts a dropped fact back and says so', () => {
    const guarded = guardTitleFacts(MUG.title, 'Personalized Ceramic Coffee Mug with Name for Mom');
    expect(guarded.value).toBe('Personalized Ceramic Coffee Mug with Name for Mom, 14 oz');
    expect(guarded.notes[0]?.why).toMatch(/Kept “14 oz” from your title/);
  });

  it('refuses the change when there is no room to put the fact back', () => {
    const long = `${'Ceramic Coffee Mug '.repeat(7)}Personalized`;
    const guarded = guardTitleFacts(MUG.title, long);
    expect(guarded.value).toBe(MUG.title);
    expect(guarded.notes[0]?.why).toMatch(/Kept your title/);
  });

  it('warns when a description drops a dimension (descriptions are never ticked by default)', () => {
    const guarded = guardDescriptionFacts(MUG.description, 'A lovely mug for mom.');
    expect(guarded.value).toBe('A lovely mug for mom.');
    expect(guarded.notes[0]?.why).toMatch(/leaves out “14 oz”/);
  });
});

describe('language', () => {
  it.each([
    ['Sterling Silver Cartilage Hoop Earring for Her, Second Hole Huggie', 'en'],
    ['Personalisierte Kaffeetasse mit Namen, Geschenk für Mama', 'de'],
    ['Bougie parfumée à la cire de soja, cadeau pour maman', 'fr'],
    ['Pendientes de plata hechos a mano, regalo para mamá', 'es'],
    ['Necklace', 'unknown'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('flags a field written in another language, and lets an unsure one pass', () => {
    expect(inOtherLanguage('A handmade gift for mom with her name', 'de')).toBe('en');
    expect(inOtherLanguage('Kaffeetasse 14 oz', 'en')).toBeNull();
  });

  it('drops a short tag that is neither in the listing’s language nor about the listing', () => {
    const known = listingVocabulary(MUG);
    expect(tagLanguageProblem('holz deko', 'en', known)).toBe('unrelated');
    expect(tagLanguageProblem('geschenk für mama', 'en', known)).toBe('de');
    expect(tagLanguageProblem('tea lover mug', 'en', known)).toBeNull();
    expect(tagLanguageProblem('woven tapestry', 'en', known)).toBeNull();
  });
});

describe('no invention', () => {
  it('names materials, colours and numbers the listing never mentions', () => {
    const known = listingVocabulary(MUG);
    expect(inventedClaims('Gold Rimmed Porcelain Mug, Set of 3', known)).toEqual([
      'Gold',
      'Porcelain',
      '3',
    ]);
    expect(inventedClaims('Ceramic Mug 14 oz', known)).toEqual([]);
  });
});

describe('tags', () => {
  it.each([
    ['cadeau fête des', true],
    ['gift for', true],
    ['the mug', true],
    ['gift for her', false],
    ['mug for mom', false],
    ['kaffeetasse', false],
  ])('%s is a cut fragment: %s', (tag, cut) => {
    expect(isCutFragment(tag)).toBe(cut);
  });
});

describe('guardSuggestion', () => {
  it('passes a careful suggestion through untouched, with no notes', () => {
    const good = suggestion({ tags: [...MUG.tags, 'ceramic mug for mom'] });
    expect(guardSuggestion(MUG, good)).toEqual({ suggestion: good, notes: [] });
  });

  it('refuses a translated title and description, keeping the seller’s own', () => {
    const guarded = guardSuggestion(
      MUG,
      suggestion({
        title: 'Personalisierte Kaffeetasse mit Namen für Mama, 14 oz',
        description: 'Eine personalisierte Kaffeetasse mit dem Namen deiner Wahl, 14 oz, für Mama.',
      }),
    );
    expect(guarded.suggestion.title.value).toBe(MUG.title);
    expect(guarded.suggestion.description.value).toBe(MUG.description);
    expect(guarded.notes.map((n) => n.why).join(' ')).toMatch(/German.*never translate/);
  });

  it('refuses an invented material in the title, and drops invented or promotional tags', () => {
    const guarded = guardSuggestion(
      MUG,
      suggestion({
        title: 'Gold Personalized Coffee Mug with Name, 14 oz, Gift for Mom',
        tags: [...MUG.tags, 'gold mug', 'free shipping', 'mug for grandma'],
      }),
    );
    expect(guarded.suggestion.title.value).toBe(MUG.title);
    expect(guarded.suggestion.tags.map((t) => t.value)).toEqual([...MUG.tags, 'mug for grandma']);
    const notes = guarded.notes.map((n) => `${n.original}: ${n.why}`).join(' | ');
    expect(notes).toMatch(/“Gold”, which your listing never mentions/);
    expect(notes).toMatch(/free shipping: About price/);
  });

  it('never checks the seller’s own tags away', () => {
    const odd = { ...MUG, tags: ['free shipping', 'holz deko'] };
    const guarded = guardSuggestion(odd, suggestion({ tags: odd.tags }));
    expect(guarded.suggestion.tags.map((t) => t.value)).toEqual(odd.tags);
  });

  it('runs on the offline engine too', () => {
    const caps = { ...MUG, title: 'PERSONALIZED COFFEE MUG 14 OZ, FREE SHIPPING' };
    const { suggestion: s } = guardedOffline(caps);
    expect(s.title.value).toBe('Personalized Coffee Mug 14 oz');
  });
});
