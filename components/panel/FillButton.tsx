import { useState } from 'react';
import { fillTags, fillTextField } from '@/lib/editor/write';
import type { AppliedText } from '@/lib/review/choices';

type FillState =
  | { status: 'idle' }
  | { status: 'filling' }
  | { status: 'done'; lines: string[]; problems: string[] };

/**
 * Writes the accepted changes into Etsy's own form, field by field and tag by tag, and
 * reports what Etsy took. The seller reviews and clicks Etsy's own Publish.
 */
export function FillButton({ changes }: { changes: Partial<AppliedText> }) {
  const [state, setState] = useState<FillState>({ status: 'idle' });
  const nothing = Object.keys(changes).length === 0;

  const fill = async () => {
    setState({ status: 'filling' });
    const lines: string[] = [];
    const problems: string[] = [];
    for (const field of ['title', 'description'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      const outcome = await fillTextField(document, field, value);
      if (outcome.ok) lines.push(`${field === 'title' ? 'Title' : 'Description'} filled.`);
      else problems.push(outcome.message);
    }
    if (changes.tags) {
      const report = await fillTags(document, changes.tags);
      if (report.added.length || report.removed.length) {
        lines.push(`Tags: ${report.added.length} added, ${report.removed.length} removed.`);
      }
      problems.push(...report.failed.map((f) => `Tag “${f.tag}”: ${f.reason}`));
    }
    setState({ status: 'done', lines, problems });
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
