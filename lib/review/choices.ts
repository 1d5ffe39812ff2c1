import type { ListingText, Suggestion } from '@/lib/listing';
import {
  isSafeToRemove,
  listingLanguage,
  MAX_TAGS,
  normalizeText,
  tagIdentity,
  tagWeaknesses,
  titleProblems,
  type TagWeakness,
} from '@/lib/seo';

export interface TagDiff {
  kept: string[];
  added: string[];
  removed: string[];
}

/** Current tags against suggested ones, compared the way Etsy compares tags. */
export function diffTags(current: string[], suggested: string[]): TagDiff {
  const suggestedIds = new Set(suggested.map(tagIdentity));
  const currentIds = new Set(current.map(tagIdentity));
  return {
    kept: current.filter((tag) => suggestedIds.has(tagIdentity(tag))),
    added: suggested.filter((tag) => !currentIds.has(tagIdentity(tag))),
    removed: current.filter((tag) => !suggestedIds.has(tagIdentity(tag))),
  };
}

/**
 * What the seller accepted. Each field on its own; each added tag and each removal on
 * its own (keyed by tag identity).
 */
export interface Choices {
  title: boolean;
  description: boolean;
  addTag: Record<string, boolean>;
  removeTag: Record<string, boolean>;
}

/**
 * One tag change offered to the seller. `ticked` is the default: only what Etsy would refuse
 * (an invalid tag, a duplicate) is removed by default, and an added tag is ticked only when it
 * fills an empty slot. Everything else is offered unticked, with its reason.
 */
export type TagProposal =
  | { kind: 'add'; add: string; reason: string; ticked: boolean }
  | { kind: 'remove'; remove: string; reason: string; ticked: boolean }
  | { kind: 'swap'; remove: string; add: string; reason: string; ticked: false };

interface WeakTag {
  tag: string;
  weakness: TagWeakness;
}

/** The seller's tags the suggestion would drop or that Etsy would refuse, weakest first. */
function weakTags(current: ListingText, suggestedIds: ReadonlySet<string>): WeakTag[] {
  const weaknesses = tagWeaknesses(current.tags, current.categoryPath, listingLanguage(current));
  const out: WeakTag[] = [];
  const seen = new Set<string>();
  current.tags.forEach((tag, i) => {
    const weakness = weaknesses[i];
    const id = tagIdentity(tag);
    if (!weakness || tag.trim() === '' || seen.has(`${id}:${weakness.kind}`)) return;
    seen.add(`${id}:${weakness.kind}`);
    // A promotional tag is always worth a word; other weak tags only when the suggestion drops them.
    if (weakness.kind === 'promotional' || isSafeToRemove(weakness.kind) || !suggestedIds.has(id)) {
      out.push({ tag, weakness });
    }
  });
  const order = [
    'rejected',
    'duplicate',
    'promotional',
    'same-search',
    'opinion',
    'category',
    'single-word',
  ];
  return out.sort((a, b) => order.indexOf(a.weakness.kind) - order.indexOf(b.weakness.kind));
}

/**
 * What the review offers for tags. Added tags fill empty slots first (ticked); with all 13 slots
 * in use each further one is a swap for one of the seller's weaker tags, unticked, saying why.
 * A valid seller tag with nothing wrong with it is never proposed for removal.
 */
export function tagProposals(current: ListingText, suggestion: Suggestion): TagProposal[] {
  const suggested = suggestion.tags.map((tag) => tag.value);
  const diff = diffTags(current.tags, suggested);
  const reasonOf = (tag: string): string =>
    suggestion.tags.find((t) => tagIdentity(t.value) === tagIdentity(tag))?.reason ?? '';
  const weak = weakTags(current, new Set(suggested.map(tagIdentity)));
  const proposals: TagProposal[] = [];
  const safe = weak.filter((w) => isSafeToRemove(w.weakness.kind));
  for (const w of safe) {
    proposals.push({ kind: 'remove', remove: w.tag, reason: w.weakness.reason, ticked: true });
  }
  const inUse = new Set(current.tags.filter((t) => t.trim() !== '').map(tagIdentity)).size;
  const rejected = safe.filter((w) => w.weakness.kind === 'rejected').length;
  let free = Math.max(0, MAX_TAGS - inUse + rejected);
  const swappable = weak.filter((w) => !isSafeToRemove(w.weakness.kind));
  for (const add of diff.added) {
    if (free > 0) {
      free--;
      proposals.push({
        kind: 'add',
        add,
        reason: reasonOf(add) || 'fills an empty slot',
        ticked: true,
      });
      continue;
    }
    const partner = swappable.shift();
    if (partner) {
      proposals.push({
        kind: 'swap',
        remove: partner.tag,
        add,
        reason: `${partner.weakness.reason} “${add}”: ${reasonOf(add) || 'a search your tags don’t cover yet'}.`,
        ticked: false,
      });
    } else {
      proposals.push({
        kind: 'add',
        add,
        reason: `${reasonOf(add)}${reasonOf(add) ? '; ' : ''}all ${MAX_TAGS} slots are used: untick one of yours to make room.`,
        ticked: false,
      });
    }
  }
  for (const w of swappable) {
    proposals.push({ kind: 'remove', remove: w.tag, reason: w.weakness.reason, ticked: false });
  }
  return proposals;
}

/** Why a title or description change is, or isn't, ticked by default. */
export function fieldDefault(
  current: ListingText,
  suggestion: Suggestion,
  field: 'title' | 'description',
): {
  changed: boolean;
  ticked: boolean;
  why: string;
} {
  if (field === 'description') {
    // An empty suggestion would wipe the seller's text: it is never offered.
    const changed =
      suggestion.description.value.trim() !== '' &&
      suggestion.description.value !== current.description;
    return {
      changed,
      ticked: false,
      why: 'Offered, not ticked: your description breaks none of Etsy’s hard rules, so it changes only if you choose.',
    };
  }
  const changed = suggestion.title.value.trim() !== '' && suggestion.title.value !== current.title;
  const broken =
    normalizeText(current.title).trim() === '' || titleProblems(current.title, 1).length > 0;
  const fixed =
    suggestion.title.value.trim() !== '' && titleProblems(suggestion.title.value, 1).length === 0;
  return broken && fixed
    ? {
        changed,
        ticked: changed,
        why: 'Ticked: your title breaks a rule Etsy enforces, and this fixes it.',
      }
    : {
        changed,
        ticked: false,
        why: 'Offered, not ticked: your title breaks none of Etsy’s hard rules, so it changes only if you choose.',
      };
}

export function defaultChoices(current: ListingText, suggestion: Suggestion): Choices {
  const addTag: Record<string, boolean> = {};
  const removeTag: Record<string, boolean> = {};
  for (const p of tagProposals(current, suggestion)) {
    if (p.kind !== 'remove') addTag[tagIdentity(p.add)] = p.ticked;
    if (p.kind !== 'add') removeTag[tagIdentity(p.remove)] = p.ticked;
  }
  return {
    title: fieldDefault(current, suggestion, 'title').ticked,
    description: fieldDefault(current, suggestion, 'description').ticked,
    addTag,
    removeTag,
  };
}

export interface AppliedText {
  title: string;
  description: string;
  tags: string[];
}

/**
 * The listing text the seller's choices produce. Tags keep the current ones the seller
 * did not agree to remove, then add accepted ones in the suggestion's ranked order,
 * never past Etsy's 13.
 */
export function applyChoices(
  current: ListingText,
  suggestion: Suggestion,
  choices: Choices,
): AppliedText {
  const diff = diffTags(
    current.tags,
    suggestion.tags.map((tag) => tag.value),
  );
  const seen = new Set<string>();
  const tags = current.tags.filter((tag) => {
    const id = tagIdentity(tag);
    const repeat = seen.has(id);
    seen.add(id);
    if (!choices.removeTag[id]) return true;
    // Removing a duplicate drops its extra copies; the first one stays.
    return !repeat && current.tags.filter((t) => tagIdentity(t) === id).length > 1;
  });
  for (const tag of diff.added) {
    if (tags.length >= MAX_TAGS) break;
    if (choices.addTag[tagIdentity(tag)]) tags.push(tag);
  }
  return {
    title: choices.title ? suggestion.title.value : current.title,
    description: choices.description ? suggestion.description.value : current.description,
    tags,
  };
}
