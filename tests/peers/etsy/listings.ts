import type { FakeListing } from './data';

/** Length rules Etsy enforces but doesn't publish in the spec (docs/etsy-api.md §4.2). */
export interface ListingLimits {
  titleLength: number;
  tagCount: number;
  tagLength: number;
}

export const DEFAULT_LIMITS: ListingLimits = { titleLength: 140, tagCount: 13, tagLength: 20 };

/** The spec's character classes: a match means an invalid character. */
const INVALID_TITLE = /[^\p{L}\p{Nd}\p{P}\p{Sm}\p{Zs}™©®]/u;
const INVALID_TAG = /[^\p{L}\p{Nd}\p{Zs}\-'™©®]/u;
const INVALID_MATERIAL = /[^\p{L}\p{Nd}\p{Zs}]/u;

export const UPDATE_LISTING_FIELDS = new Set([
  'title',
  'description',
  'tags',
  'materials',
  'image_ids',
  'taxonomy_id',
  'who_made',
  'when_made',
  'is_supply',
  'state',
  'should_auto_renew',
  'shipping_profile_id',
  'return_policy_id',
  'shop_section_id',
  'item_weight',
  'item_length',
  'item_width',
  'item_height',
  'item_weight_unit',
  'item_dimensions_unit',
  'is_taxable',
  'featured_rank',
  'production_partner_ids',
  'type',
]);
const WHO_MADE = ['i_did', 'someone_else', 'collective'];
const WHEN_MADE = [
  'made_to_order',
  '2020_2026',
  '2010_2019',
  '2007_2009',
  'before_2007',
  '2000_2006',
  '1990s',
  '1980s',
  '1970s',
  '1960s',
  '1950s',
  '1940s',
  '1930s',
  '1920s',
  '1910s',
  '1900s',
  '1800s',
  '1700s',
  'before_1700',
];

export interface ListingProblem {
  path: string;
  type: string;
  message: string;
}

/** Etsy's comma-separated list: one value, split on commas, blanks dropped. */
function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Checks an updateListing form the way Etsy does; returns the changes or the problems. */
export function validateListingUpdate(
  form: URLSearchParams,
  limits: ListingLimits,
): { changes: Partial<FakeListing> } | { problems: ListingProblem[] } {
  // Repeated keys: Etsy keeps the last one.
  const fields = Object.fromEntries(form);
  const problems: ListingProblem[] = [];
  const problem = (path: string, type: string, message: string) =>
    problems.push({ path, type, message });

  for (const key of Object.keys(fields)) {
    if (key === 'price' || key === 'quantity') {
      problem(`/${key}`, 'not_allowed', `${key} can only be changed with updateListingInventory`);
    } else if (!UPDATE_LISTING_FIELDS.has(key)) {
      problem(`/${key}`, 'unknown_field', 'is not a field of updateListing');
    }
  }
  const changes: Partial<FakeListing> = {};

  if ('title' in fields) {
    const title = fields.title!;
    if (title.trim() === '') problem('/title', 'required', 'cannot be empty');
    if (INVALID_TITLE.test(title))
      problem('/title/0', 'invalid_characters', 'contains invalid characters');
    if ([...title].length > limits.titleLength) {
      problem('/title/1', 'too_long', `cannot be more than ${limits.titleLength} characters.`);
    }
    for (const once of ['%', ':', '&', '+']) {
      if (title.split(once).length > 2)
        problem('/title/0', 'repeated', `${once} can only be use once`);
    }
    changes.title = title;
  }
  if ('description' in fields) changes.description = fields.description!;
  if ('tags' in fields) {
    const tags = splitList(fields.tags!);
    if (tags.length > limits.tagCount)
      problem('/tags', 'too_many', `cannot have more than ${limits.tagCount} tags.`);
    tags.forEach((tag, index) => {
      if (INVALID_TAG.test(tag))
        problem(`/tags/${index}`, 'invalid_characters', 'contains invalid character');
      if ([...tag].length > limits.tagLength) {
        problem(
          `/tags/${index}`,
          'too_long',
          `cannot be more than ${limits.tagLength} characters.`,
        );
      }
    });
    const lower = tags.map((tag) => tag.toLowerCase());
    if (new Set(lower).size !== lower.length)
      problem('/tags', 'duplicate', 'You may not have duplicate tags.');
    changes.tags = tags;
  }
  if ('materials' in fields) {
    const materials = splitList(fields.materials!);
    materials.forEach((material, index) => {
      if (INVALID_MATERIAL.test(material)) {
        problem(`/materials/${index}`, 'invalid_characters', 'contains invalid character');
      }
    });
    changes.materials = materials;
  }
  const bundle = ['who_made', 'when_made', 'is_supply'].filter((key) => key in fields);
  if (bundle.length > 0 && bundle.length < 3) {
    problem(
      '/who_made',
      'bundle',
      "Cannot update 'when_made' without 'who_made' and  without 'is_supply' and vice versa",
    );
  } else if (bundle.length === 3) {
    if (!WHO_MADE.includes(fields.who_made!)) problem('/who_made', 'enum', 'is not a valid value');
    if (!WHEN_MADE.includes(fields.when_made!))
      problem('/when_made', 'enum', 'is not a valid value');
    if (!['true', 'false', '1', '0'].includes(fields.is_supply!))
      problem('/is_supply', 'type', 'must be a boolean');
    changes.who_made = fields.who_made as FakeListing['who_made'];
    changes.when_made = fields.when_made!;
    changes.is_supply = fields.is_supply === 'true' || fields.is_supply === '1';
  }
  if ('state' in fields) {
    if (fields.state !== 'active' && fields.state !== 'inactive') {
      problem('/state', 'enum', 'must be active or inactive');
    } else {
      changes.state = fields.state;
    }
  }
  return problems.length > 0 ? { problems } : { changes };
}

/** Etsy's object form: "There was a problem with /field : message". */
export function problemsAsObject(problems: ListingProblem[]): { error: string } {
  const first = problems[0]!;
  return { error: `There was a problem with ${first.path} : ${first.message}` };
}
