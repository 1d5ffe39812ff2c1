import type { Field, FindingSpan } from '@/lib/seo';
import { resolveField } from './resolve';
import type { FieldName } from './selectors';

const TARGET: Record<Field, FieldName> = {
  title: 'title',
  description: 'description',
  tags: 'tagsInput',
  materials: 'materialsField',
};

/** Takes the seller to the field a finding is about, selecting the exact text when it can. */
export function showInEditor(doc: Document, field: Field, span: FindingSpan): boolean {
  const found = resolveField<HTMLElement>(doc, TARGET[field]);
  if (!found) return false;
  const element = found.element;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  if (span.kind === 'text' && element instanceof HTMLTextAreaElement) {
    element.setSelectionRange(span.start, span.end);
  }
  return true;
}
