import type { Field, FindingSpan } from '@/lib/seo';
import { showInEditor } from './focus';
import type { EditorReadout } from './read';
import { watchEditor } from './watch';
import { fillEditor, type FillReport, type FillRequest } from './write';

/**
 * Everything the panel may ask of Etsy's editor page. Components talk to this, never to
 * the page's DOM: the panel lives in its own extension frame, and the content script runs
 * `pageEditor` and serves it to the panel over lib/bridge.
 */
export interface EditorAdapter {
  /** Live readouts until `signal` aborts. */
  watch(onChange: (readout: EditorReadout) => void, signal: AbortSignal): void;
  /** Fills accepted changes the page's own way; stops when `signal` aborts. */
  fill(request: FillRequest, signal: AbortSignal): Promise<FillReport>;
  /** Scrolls to the field and selects the finding's text (nothing when the field is gone). */
  show(field: Field, span: FindingSpan): void;
}

/** The adapter for the editor in this document. */
export function pageEditor(doc: Document): EditorAdapter {
  return {
    watch: (onChange, signal) => watchEditor(doc, onChange, { signal }),
    fill: (request, signal) => fillEditor(doc, request, signal),
    show: (field, span) => void showInEditor(doc, field, span),
  };
}
