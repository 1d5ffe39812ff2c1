import { useEffect, useRef, useState } from 'react';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { FillReport, FillRequest } from '@/lib/editor/write';

type FillState =
  | { status: 'idle' }
  | { status: 'filling' }
  | { status: 'done'; report: FillReport }
  /** The page closed the connection mid-fill (reloaded, or the extension was updated). */
  | { status: 'lost' };

/**
 * Writes the accepted changes into Etsy's own form, field by field and tag by tag, and
 * reports what Etsy took and what it refused. The seller reviews and clicks Etsy's own
 * Publish. Filling stops when the panel goes away (the seller left the listing).
 */
export function FillButton({ editor, request }: { editor: EditorAdapter; request: FillRequest }) {
  const [state, setState] = useState<FillState>({ status: 'idle' });
  const lifetime = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    lifetime.current = controller;
    return () => controller.abort();
  }, []);
  const nothing = Object.keys(request).length === 0;

  const fill = async () => {
    const signal = lifetime.current?.signal;
    if (!signal || signal.aborted) return;
    setState({ status: 'filling' });
    try {
      const report = await editor.fill(request, signal);
      if (!signal.aborted) setState({ status: 'done', report });
    } catch {
      // Aborted: the panel is gone, nobody to tell. Otherwise the page went away.
      if (!signal.aborted) setState({ status: 'lost' });
    }
  };

  return (
    <div className="apply">
      <button
        type="button"
        className="button button--primary"
        disabled={nothing || state.status === 'filling'}
        onClick={fill}
      >
        {state.status === 'filling' ? 'Filling…' : 'Fill into editor'}
      </button>
      {nothing && <span className="muted">Nothing accepted differs from the editor.</span>}
      {state.status === 'lost' && (
        <p role="alert" className="error-text" data-testid="fill-report">
          The connection to the page was lost, so the fill may have stopped part-way. Reload the
          editor, check what it holds, and fill again.
        </p>
      )}
      {state.status === 'done' && (
        <div role="status" data-testid="fill-report">
          {state.report.done.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {state.report.refused.map((r) => (
            <p key={`${r.field}-${r.item ?? ''}`} className="error-text">
              {r.item ? `Tag “${r.item}”: ${r.reason}.` : r.reason}
            </p>
          ))}
          {state.report.refused.length === 0 && (
            <p className="muted">Review the changes, then use Etsy’s “Publish changes”.</p>
          )}
        </div>
      )}
    </div>
  );
}
