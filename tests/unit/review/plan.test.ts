import { describe, expect, it } from 'vitest';
import type { EtsyListingText } from '@/lib/etsy/publish-schemas';
import { PublishRequestSchema } from '@/lib/etsy/publish-schemas';
import type { ListingText, Suggestion } from '@/lib/listing';
import { fillRequest, publishPlan, type Readable } from '@/lib/review/plan';
import { diffTags, type Choices } from '@/lib/review/choices';
import { checkListing, tagIdentity } from '@/lib/seo';

/**
 * Every change the suggestion implies, accepted: the plan's job is to send what was accepted,
 * whatever the review ticked by default (lib/review/choices.ts decides that, and ticks less).
 */
function acceptAll(page: ListingText, suggestion: Suggestion): Choices {
  const diff = diffTags(
    page.tags,
    suggestion.tags.map((t) => t.value),
  );
  return {
    title: true,
    description: true,
    addTag: Object.fromEntries(diff.added.map((t) => [tagIdentity(t), true])),
    removeTag: Object.fromEntries(diff.removed.map((t) => [tagIdentity(t), true])),
  };
}

const ETSY: EtsyListingText = {
  listingId: 1,
  title: 'Macrame Wall Hanging, Boho Decor',
  description: 'Knotted by hand from cotton rope.',
  tags: ['macrame', 'boho decor', 'cotton rope'],
};
const PAGE: ListingText = {
  title: ETSY.title,
  description: ETSY.description,
  tags: [...ETSY.tags],
  materials: [],
  categoryPath: [],
};
const SUGGESTION: Suggestion = {
  title: { value: 'Macrame Wall Hanging, Large Boho Wall Decor', reasons: [] },
  description: { value: 'A large macrame wall hanging, knotted by hand.', reasons: [] },
  tags: ['macrame', 'boho decor', 'cotton rope', 'fiber art'].map((value) => ({
    value,
    reason: '',
  })),
};
const ALL: Readable = { title: true, description: true, tags: true };

/** What the page shows when a field couldn't be read: an empty placeholder. */
function unreadPage(field: keyof Readable): ListingText {
  return { ...PAGE, [field]: field === 'tags' ? [] : '' };
}

describe('publishPlan', () => {
  it('sends Etsy’s saved tags plus the accepted ones', () => {
    const plan = publishPlan(ETSY, PAGE, SUGGESTION, acceptAll(PAGE, SUGGESTION), ALL);
    expect(plan.changes).toEqual({
      title: SUGGESTION.title.value,
      description: SUGGESTION.description.value,
      tags: [...ETSY.tags, 'fiber art'],
    });
  });

  it.each(['title', 'description', 'tags'] as const)(
    'never sends the %s when the page didn’t let us read it, and still sends the rest',
    (field) => {
      const page = unreadPage(field);
      const plan = publishPlan(ETSY, page, SUGGESTION, acceptAll(page, SUGGESTION), {
        ...ALL,
        [field]: false,
      });
      expect(plan.changes).not.toHaveProperty(field);
      expect(Object.keys(plan.changes).length).toBeGreaterThan(0);
      expect(plan.held).toContainEqual({ field, reason: 'unread' });
    },
  );

  it('builds tags from Etsy’s saved list, not from what the page shows', () => {
    // The seller typed a tag on the page without saving; a publish keeps only accepted edits.
    const page = { ...PAGE, tags: [...PAGE.tags, 'typed not saved'] };
    const plan = publishPlan(ETSY, page, SUGGESTION, acceptAll(page, SUGGESTION), ALL);
    expect(plan.changes.tags).toEqual([...ETSY.tags, 'fiber art']);
  });

  it('holds the description back when Etsy keeps it as rich text', () => {
    const plan = publishPlan(
      { ...ETSY, richDescription: true },
      PAGE,
      SUGGESTION,
      acceptAll(PAGE, SUGGESTION),
      ALL,
    );
    expect(plan.changes).not.toHaveProperty('description');
    expect(plan.held).toEqual([{ field: 'description', reason: 'rich-description' }]);
  });

  it('flags a plan that would leave the listing with no tags', () => {
    const none: Suggestion = { ...SUGGESTION, tags: [] };
    const plan = publishPlan(ETSY, PAGE, none, acceptAll(PAGE, none), ALL);
    expect(plan.changes.tags).toEqual([]);
    expect(plan.emptiesTags).toBe(true);
  });
});

describe('the publish request', () => {
  it('refuses an empty tag list unless the seller confirmed it', () => {
    const request = { baseline: ETSY, changes: { tags: [] } };
    expect(PublishRequestSchema.safeParse(request).success).toBe(false);
    expect(PublishRequestSchema.safeParse({ ...request, emptyTagsConfirmed: true }).success).toBe(
      true,
    );
  });

  it('refuses an empty title or description outright', () => {
    for (const changes of [{ title: '' }, { title: '  ' }, { description: ' ' }]) {
      expect(PublishRequestSchema.safeParse({ baseline: ETSY, changes }).success).toBe(false);
    }
  });
});

describe('nothing accepted that differs', () => {
  it('fills and sends nothing', () => {
    const same: Suggestion = {
      title: { value: PAGE.title, reasons: [] },
      description: { value: PAGE.description, reasons: [] },
      tags: PAGE.tags.map((value) => ({ value, reason: '' })),
    };
    const choices = acceptAll(PAGE, same);
    expect(fillRequest(PAGE, same, choices, ALL)).toEqual({});
    expect(publishPlan(ETSY, PAGE, same, choices, ALL)).toEqual({
      changes: {},
      held: [],
      emptiesTags: false,
    });
  });
});

describe('fillRequest', () => {
  it('fills only fields that were read, tags as adds and removes', () => {
    const choices = acceptAll(PAGE, SUGGESTION);
    expect(fillRequest(PAGE, SUGGESTION, choices, ALL)).toEqual({
      title: SUGGESTION.title.value,
      description: SUGGESTION.description.value,
      tags: { add: ['fiber art'], remove: [] },
    });
    const page = unreadPage('tags');
    expect(
      fillRequest(page, SUGGESTION, acceptAll(page, SUGGESTION), { ...ALL, tags: false }),
    ).not.toHaveProperty('tags');
  });
});

describe('grading an unread field', () => {
  it('says nothing about tags it couldn’t read, and scores the rest out of 100', () => {
    const noTagsRead = { ...PAGE, tags: [] };
    const graded = checkListing(noTagsRead, ['tags']);
    expect(graded.findings.filter((f) => f.field === 'tags')).toEqual([]);
    expect(graded.composition.map((c) => c.id)).not.toContain('tags');
    // Treated as "no tags", the same listing loses the tag points.
    expect(graded.score).toBeGreaterThan(checkListing(noTagsRead).score);
    expect(checkListing(PAGE, []).score).toBe(checkListing(PAGE).score);
  });
});
