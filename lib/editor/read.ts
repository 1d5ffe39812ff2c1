import type { ListingText } from '@/lib/listing';
import { resolveField } from './resolve';
import { CATEGORY_SEPARATOR, CHIP_REMOVE, CHIP_TEXT, type FieldName } from './selectors';

export interface EditorReadout {
  listing: ListingText;
  /** Fields the page did not show; the panel says so and works with the rest. */
  missing: FieldName[];
  /** Fields found only through a fallback selector: Etsy may have changed its markup. */
  fallbacks: FieldName[];
}

type ChipField = keyof typeof CHIP_REMOVE;
const CHIP_FIELD = { tags: 'tagsField', materials: 'materialsField' } as const;

function readChips(root: ParentNode, kind: ChipField): string[] | null {
  const field = resolveField(root, CHIP_FIELD[kind]);
  if (!field) return null;
  const { selector, prefix } = CHIP_REMOVE[kind];
  return [...field.element.querySelectorAll(selector)].map((button) => {
    const text = button.closest('li')?.querySelector(CHIP_TEXT)?.textContent;
    return (text ?? button.getAttribute('aria-label')?.slice(prefix.length) ?? '').trim();
  });
}

/** Reads the listing's SEO text from the editor as it is now, without touching the page. */
export function readEditor(root: ParentNode): EditorReadout {
  const missing: FieldName[] = [];
  const fallbacks: FieldName[] = [];
  const note = (field: FieldName, hit: { candidate: { kind: string } } | null) => {
    if (!hit) missing.push(field);
    else if (hit.candidate.kind !== 'id') fallbacks.push(field);
  };

  const title = resolveField<HTMLTextAreaElement>(root, 'title');
  note('title', title);
  const description = resolveField<HTMLTextAreaElement>(root, 'description');
  note('description', description);
  const tags = readChips(root, 'tags');
  if (!tags) missing.push('tagsField');
  const materials = readChips(root, 'materials');
  const category = resolveField(root, 'categoryPath');

  const path = category?.element.textContent?.trim() ?? '';
  return {
    listing: {
      title: title?.element.value ?? '',
      description: description?.element.value ?? '',
      tags: tags ?? [],
      materials: materials ?? [],
      categoryPath: path ? path.split(CATEGORY_SEPARATOR).map((part) => part.trim()) : [],
    },
    missing,
    fallbacks,
  };
}
