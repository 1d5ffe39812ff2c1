import type { ListingText } from '@/lib/listing';
import { checkListing, type Field, type Finding } from '@/lib/seo';

export interface FindingChanges {
  /** Problems the change would fix, one message per rule. */
  fixed: string[];
  /** Problems the change would bring in. */
  introduced: string[];
}

function byRule(findings: readonly Finding[], field: Finding['field']): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findings) if (f.field === field && !out.has(f.rule)) out.set(f.rule, f.message);
  return out;
}

/**
 * What a suggested field changes, said as the checker's findings before and after, not as a
 * score: a suggestion graded by the rules that wrote it proves nothing, but "fixes: your title
 * repeats a word" is something the seller can see for themselves.
 */
export function findingChanges(
  current: ListingText,
  change: Partial<ListingText>,
  field: Finding['field'],
  unread: readonly Field[] = [],
): FindingChanges {
  const before = byRule(checkListing(current, unread).findings, field);
  const after = byRule(checkListing({ ...current, ...change }, unread).findings, field);
  return {
    fixed: [...before].filter(([rule]) => !after.has(rule)).map(([, message]) => message),
    introduced: [...after].filter(([rule]) => !before.has(rule)).map(([, message]) => message),
  };
}
