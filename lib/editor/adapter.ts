import type { Field, FindingSpan } from '@/lib/seo';
import type { AppliedText } from '@/lib/review/choices';
import { showInEditor } from './focus';
import type { EditorReadout } from './read';
import { watchEditor } from './watch';
import { fillTags, fillTextField, type FillOutcome, type TagFillReport } from './write';

/** What the panel asks to fill: the accepted changes that differ from the editor. */
export type FillRequest = Partial<AppliedText>;

/** What the page took, per field asked for. */
export interface FillReport {
  title?: FillOutcome;
  description?: FillOutcome;
  tags?: TagFillReport;
}

/**
 * Everything the panel may ask of Etsy's editor page. The panel talks to this, never to the
 * page's DOM: it lives in its own extension frame, and the content script runs the adapter.
 */
export interface EditorAdapter {
  /** Live readouts until `signal` aborts. */
  watch(onChange: (readout: EditorReadout) => void, signal: AbortSignal): void;
  /** Fills accepted changes the page's own way. */
  fill(request: FillRequest): Promise<FillReport>;
  /** Scrolls to the field and selects the finding's text. */
  show(field: Field, span: FindingSpan): void;
}

/** The adapter for the editor in this document. */
export function pageEditor(doc: Document): EditorAdapter {
  return {
    watch: (onChange, signal) => watchEditor(doc, onChange, { signal }),
    async fill(request) {
      const report: FillReport = {};
      for (const field of ['title', 'description'] as const) {
        const value = request[field];
        if (value !== undefined) report[field] = await fillTextField(doc, field, value);
      }
      if (request.tags) report.tags = await fillTags(doc, request.tags);
      return report;
    },
    show: (field, span) => void showInEditor(doc, field, span),
  };
}
