import { describe, expect, it } from 'vitest';
import type { ListingText, Suggestion } from '@/lib/listing';
import { applyChoices, defaultChoices, diffTags } from '@/lib/review/choices';

const current: ListingText = {
  title: 'Beautiful Macrame Wall Hanging',
  description: 'Knotted by hand.',
  tags: ['macrame', 'Boho Decor', 'wall art'],
  materials: [],
  categoryPath: [],
};

const suggestion: Suggestion = {
  title: { value: 'Macrame Wall Hanging, Cotton Rope', reasons: [] },
  description: { value: 'Knotted by hand.', reasons: [] },
  tags: ['boho decor', 'macrame wall hanging', 'cotton rope decor'].map((value) => ({
    value,
    reason: 'test',
  })),
};

describe('review choices', () => {
  it('compares tags the way Etsy does (ignoring case)', () => {
    expect(
      diffTags(
        current.tags,
        suggestion.tags.map((t) => t.value),
      ),
    ).toEqual({
      kept: ['Boho Decor'],
      added: ['macrame wall hanging', 'cotton rope decor'],
      removed: ['macrame', 'wall art'],
    });
  });

  it('accepts every suggested change by default', () => {
    const applied = applyChoices(current, suggestion, defaultChoices(current, suggestion));
    expect(applied.tags).toEqual(['Boho Decor', 'macrame wall hanging', 'cotton rope decor']);
    expect(applied.title).toBe('Macrame Wall Hanging, Cotton Rope');
  });

  it('keeps what the seller rejected, field by field and tag by tag', () => {
    const choices = defaultChoices(current, suggestion);
    choices.title = false;
    choices.removeTag['wall art'] = false;
    choices.addTag['cotton rope decor'] = false;
    const applied = applyChoices(current, suggestion, choices);
    expect(applied.title).toBe(current.title);
    expect(applied.tags).toEqual(['Boho Decor', 'wall art', 'macrame wall hanging']);
  });

  it('never goes past 13 tags', () => {
    const full = { ...current, tags: Array.from({ length: 13 }, (_, i) => `tag ${i}`) };
    const choices = defaultChoices(full, suggestion);
    for (const key of Object.keys(choices.removeTag)) choices.removeTag[key] = false;
    expect(applyChoices(full, suggestion, choices).tags).toHaveLength(13);
  });
});
