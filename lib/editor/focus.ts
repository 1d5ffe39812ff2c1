import type { Field, FindingSpan } from '@/lib/seo';
import { findFields } from './find';
import { isRich } from './read';

/** Takes the seller to the field a finding is about, selecting the exact text when it can. */
export function showInEditor(doc: Document, field: Field, span: FindingSpan): boolean {
  const found = findFields(doc)[field];
  if (!found) return false;
  const element = found.control;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  if (span.kind === 'text' && !isRich(element)) {
    (element as HTMLTextAreaElement).setSelectionRange(span.start, span.end);
  }
  return true;
}
