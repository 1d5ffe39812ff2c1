import type { ListingText } from '@/lib/listing';
import type { ProgressEnvelope, UnreadField } from '@/lib/llm/stream-protocol';
import { MAX_TAGS } from '@/lib/seo';
import { ErrorBox } from './ErrorBox';
import { engineLabel, type useSuggestions } from './useSuggestions';

const FIELD_STATE = { waiting: 'waiting', arriving: 'arriving…', done: 'done' } as const;

function ProgressLine({ progress }: { progress: ProgressEnvelope | null }) {
  if (!progress || progress.stage === 'choosing') return <p>Choosing a model…</p>;
  if (progress.stage === 'queued') {
    return <p>Waiting for the model ({progress.ahead ?? 0} ahead)…</p>;
  }
  if (progress.stage === 'thinking') {
    return (
      <p data-testid="suggest-thinking">
        The model is thinking… ({progress.thinking ?? 0} tokens so far; the answer comes after)
      </p>
    );
  }
  const fields = progress.fields;
  return (
    <div>
      <p>
        Writing with{' '}
        {progress.engine
          ? engineLabel({ engine: progress.engine, model: progress.model ?? null })
          : 'the model'}
        …
      </p>
      {fields && (
        <ul className="progress" data-testid="suggest-progress">
          <li>Title: {FIELD_STATE[fields.title]}</li>
          <li>
            Tags: {fields.tags === 'waiting' ? 'waiting' : `${fields.tagsArrived} of ${MAX_TAGS}`}
          </li>
          <li>Description: {FIELD_STATE[fields.description]}</li>
        </ul>
      )}
    </div>
  );
}

/** Asks for suggestions, streams progress, names the engine; its errors stay in this section. */
export function SuggestSection({
  listing,
  suggestions,
  onNewSuggestion,
  waitingForFields = false,
  unread = [],
}: {
  listing: ListingText;
  /** Fields the editor couldn't read: the model isn't shown them. */
  unread?: UnreadField[];
  /** None of the text fields is read yet (a form still mounting): nothing to suggest from. */
  waitingForFields?: boolean;
  suggestions: ReturnType<typeof useSuggestions>;
  onNewSuggestion: () => void;
}) {
  const { state } = suggestions;
  const start = (refresh: boolean) => {
    onNewSuggestion();
    suggestions.start(listing, refresh, unread);
  };
  return (
    <section
      className="section"
      aria-labelledby="copilot-suggest"
      aria-busy={state.status === 'running'}
    >
      <h3 id="copilot-suggest" className="section__title">
        Improve it
      </h3>
      {state.status === 'running' ? (
        <div role="status" className="running">
          <ProgressLine progress={state.progress} />
          <button type="button" className="button" onClick={suggestions.cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            disabled={waitingForFields}
            onClick={() => start(state.status === 'done')}
          >
            {state.status === 'done' ? 'Suggest again' : 'Suggest improvements'}
          </button>
          {state.status === 'done' && (
            <span className="muted" data-testid="engine">
              By: {engineLabel(state.result)}
              {state.result.fromCache ? ' (saved answer)' : ''}
            </span>
          )}
        </div>
      )}
      {state.status === 'done' && state.result.explanation && (
        <p className="muted">{state.result.explanation}</p>
      )}
      {state.status === 'done' && state.result.notes.length > 0 && (
        <details className="notes" data-testid="repair-notes">
          <summary>
            Checked before you see it: {state.result.notes.length} change
            {state.result.notes.length === 1 ? '' : 's'} made or refused
          </summary>
          <ul>
            {state.result.notes.map((note, i) => (
              <li key={i}>
                {note.field}: “{note.original}” {note.kept ? `→ “${note.kept}”` : 'dropped'} —{' '}
                {note.why}
              </li>
            ))}
          </ul>
        </details>
      )}
      {state.status === 'error' && (
        <ErrorBox error={state.error} testId="suggest-error">
          {state.fallback && (
            <button
              type="button"
              className="button button--small"
              onClick={() => suggestions.takeFallback(state.fallback!)}
            >
              Use offline suggestions instead
            </button>
          )}
        </ErrorBox>
      )}
    </section>
  );
}
