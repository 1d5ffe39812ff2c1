import type { SuggestionNote } from '@/lib/listing';
import { extractFacts, missingFacts } from '@/lib/seo/facts';
import { isValidTitle, normalizeText, repairTitle } from '@/lib/seo';

const quote = (items: readonly { text: string }[]): string =>
  items.map((f) => `“${f.text}”`).join(', ');

export interface GuardedText {
  value: string;
  notes: SuggestionNote[];
}

/**
 * Every number, unit, size, model number, brand and year in the current title must still be in
 * the suggested one. A lost fact is put back at the end when the title stays valid; otherwise
 * the change is refused and the current title (with only Etsy's hard rules fixed) stays.
 */
export function guardTitleFacts(currentTitle: string, suggested: string): GuardedText {
  const lost = missingFacts(extractFacts(currentTitle), suggested);
  if (lost.length === 0) return { value: suggested, notes: [] };
  const restored = `${suggested.replace(/[\s,;|]+$/u, '')}, ${lost.map((f) => f.text).join(' ')}`;
  if (isValidTitle(restored)) {
    return {
      value: restored,
      notes: [
        {
          field: 'title',
          original: suggested,
          kept: restored,
          why: `Kept ${quote(lost)} from your title: a suggestion may not drop a size, number, brand or year.`,
        },
      ],
    };
  }
  const current = repairTitle(currentTitle).value || normalizeText(currentTitle);
  return {
    value: current,
    notes: [
      {
        field: 'title',
        original: suggested,
        kept: current,
        why: `Kept your title: the suggestion dropped ${quote(lost)} and there was no room to put it back.`,
      },
    ],
  };
}

/**
 * The description's facts (dimensions, care temperatures, counts) should survive a rewrite too.
 * A description is never ticked by default, so one that drops a fact is still offered, with a
 * note naming what it would lose.
 */
export function guardDescriptionFacts(current: string, suggested: string): GuardedText {
  const lost = missingFacts(extractFacts(current), suggested);
  if (lost.length === 0) return { value: suggested, notes: [] };
  return {
    value: suggested,
    notes: [
      {
        field: 'description',
        original: suggested,
        why: `This description leaves out ${quote(lost.slice(0, 5))} from yours: add them back before you use it.`,
      },
    ],
  };
}
