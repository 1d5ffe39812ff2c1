import { useState } from 'react';
import type { EditorAdapter, FillReport, FillRequest } from '@/lib/editor/adapter';

type FillState =
  | { status: 'idle' }
  | { status: 'filling' }
  | { status: 'done'; lines: string[]; problems: string[] };

const PAGE_GONE = 'The connection to the page was lost. Reload the editor and try again.';

function describe(report: FillReport): { lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const field of ['title', 'description'] as const) {
    const outcome = report[field];
    if (!outcome) continue;
    if (outcome.ok) lines.push(`${field === 'title' ? 'Title' : 'Description'} filled.`);
    else problems.push(outcome.message);
  }
  if (report.tags) {
    const { added, removed, failed } = report.tags;
    if (added.length || removed.length) {
      lines.push(`Tags: ${added.length} added, ${removed.length} removed.`);
    }
    problems.push(...failed.map((f) => `Tag “${f.tag}”: ${f.reason}`));
  }
  return { lines, problems };
}

/**
 * Writes the accepted changes into Etsy's own form, field by field and tag by tag, and
 * reports what Etsy took. The seller reviews and clicks Etsy's own Publish.
 */
export function FillButton({ editor, request }: { editor: EditorAdapter; request: FillRequest }) {
  const [state, setState] = useState<FillState>({ status: 'idle' });
  const nothing = Object.keys(request).length === 0;

  const fill = async () => {
    setState({ status: 'filling' });
    try {
      setState({ status: 'done', ...describe(await editor.fill(request)) });
    } catch {
      setState({ status: 'done', lines: [], problems: [PAGE_GONE] });
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
      {state.status === 'done' && (
        <div role="status" data-testid="fill-report">
          {state.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {state.problems.map((line) => (
            <p key={line} className="error-text">
              {line}
            </p>
          ))}
          {state.problems.length === 0 && (
            <p className="muted">Review the changes, then use Etsy’s “Publish changes”.</p>
          )}
        </div>
      )}
    </div>
  );
}
