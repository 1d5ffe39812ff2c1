import { describe, expect, it } from 'vitest';
import type { ListingText, Suggestion } from '@/lib/listing';
import {
  applyChoices,
  defaultChoices,
  diffTags,
  fieldDefault,
  tagProposals,
} from '@/lib/review/choices';

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
  it('never offers an empty title or description, which would wipe the seller’s text', () => {
    const empty: Suggestion = {
      ...suggestion,
      title: { value: ' ', reasons: [] },
      description: { value: '', reasons: [] },
    };
    expect(fieldDefault(current, empty, 'title')).toMatchObject({ changed: false, ticked: false });
    expect(fieldDefault(current, empty, 'description')).toMatchObject({ changed: false });
    // Even an untitled listing doesn't get an empty title ticked.
    expect(fieldDefault({ ...current, title: '' }, empty, 'title').ticked).toBe(false);
  });

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

  it('by default removes no valid seller tag and changes no title Etsy accepts', () => {
    const choices = defaultChoices(current, suggestion);
    expect(choices.title).toBe(false);
    expect(choices.removeTag).toEqual({ macrame: false });
    const applied = applyChoices(current, suggestion, choices);
    // Empty slots are filled; every one of the seller's tags stays.
    expect(applied.tags).toEqual([
      'macrame',
      'Boho Decor',
      'wall art',
      'macrame wall hanging',
      'cotton rope decor',
    ]);
    expect(applied.title).toBe(current.title);
    expect(applied.description).toBe(current.description);
  });

  it('offers a weak tag for removal unticked, with its reason', () => {
    const proposals = tagProposals(current, suggestion);
    expect(proposals).toContainEqual({
      kind: 'remove',
      remove: 'macrame',
      reason: expect.stringMatching(/one broad word/),
      ticked: false,
    });
    // "wall art" is a good phrase the suggestion left out: nothing is proposed for it.
    expect(proposals.some((p) => p.kind !== 'add' && p.remove === 'wall art')).toBe(false);
  });

  it('pre-ticks the removal of tags Etsy would refuse, and of duplicates, keeping the first copy', () => {
    const withBad = {
      ...current,
      tags: ['macrame', 'Boho Decor', 'boho decor', 'extra large macrame wall hanging'],
    };
    const choices = defaultChoices(withBad, suggestion);
    const applied = applyChoices(withBad, suggestion, choices);
    expect(applied.tags).toEqual([
      'macrame',
      'Boho Decor',
      'macrame wall hanging',
      'cotton rope decor',
    ]);
    const reasons = tagProposals(withBad, suggestion)
      .filter((p) => p.kind === 'remove' && p.ticked)
      .map((p) => p.reason);
    expect(reasons.join(' ')).toMatch(/twice/);
    expect(reasons.join(' ')).toMatch(/won't accept/);
  });

  it('proposes a promotional tag for removal, unticked, with a reason', () => {
    const promo = { ...current, tags: ['macrame wall hanging', 'free shipping'] };
    const proposal = tagProposals(promo, suggestion).find(
      (p) => p.kind !== 'add' && p.remove === 'free shipping',
    );
    expect(proposal).toMatchObject({ ticked: false, reason: expect.stringMatching(/shipping/) });
  });

  it('with all 13 slots used, offers swaps for weak tags only, unticked', () => {
    const full = {
      ...current,
      tags: [...Array.from({ length: 12 }, (_, i) => `macrame art ${i}`), 'sale'],
    };
    const proposals = tagProposals(full, suggestion);
    const swap = proposals.find((p) => p.kind === 'swap');
    expect(swap).toMatchObject({ remove: 'sale', ticked: false });
    expect(swap?.reason).toMatch(/price, sales or shipping/);
    const applied = applyChoices(full, suggestion, defaultChoices(full, suggestion));
    expect(applied.tags).toEqual(full.tags);
  });

  it('pre-ticks a title change only when it fixes a hard Etsy rule', () => {
    const broken = { ...current, title: 'Macrame Wall Hanging 🌿 & Rope & Cotton' };
    expect(defaultChoices(broken, suggestion).title).toBe(true);
    expect(fieldDefault(broken, suggestion, 'title').why).toMatch(/breaks a rule Etsy enforces/);
    expect(fieldDefault(current, suggestion, 'title')).toMatchObject({ ticked: false });
    expect(defaultChoices(current, suggestion).description).toBe(false);
  });

  it('keeps what the seller rejected, field by field and tag by tag', () => {
    const choices = defaultChoices(current, suggestion);
    choices.title = true;
    choices.removeTag['wall art'] = true;
    choices.addTag['cotton rope decor'] = false;
    const applied = applyChoices(current, suggestion, choices);
    expect(applied.title).toBe(suggestion.title.value);
    expect(applied.tags).toEqual(['macrame', 'Boho Decor', 'macrame wall hanging']);
  });

  it('never goes past 13 tags', () => {
    const full = { ...current, tags: Array.from({ length: 13 }, (_, i) => `tag ${i}`) };
    const choices = defaultChoices(full, suggestion);
    for (const key of Object.keys(choices.removeTag)) choices.removeTag[key] = false;
    expect(applyChoices(full, suggestion, choices).tags).toHaveLength(13);
  });
});
