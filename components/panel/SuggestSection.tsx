import type { ListingText } from '@/lib/listing';
import type { useSuggestions } from './useSuggestions';

/** Asks for suggestions and shows which engine answered; its errors stay in this section. */
export function SuggestSection({
  listing,
  suggestions,
  onNewSuggestion,
}: {
  listing: ListingText;
  suggestions: ReturnType<typeof useSuggestions>;
  onNewSuggestion: () => void;
}) {
  const { state } = suggestions;
  const start = () => {
    onNewSuggestion();
    suggestions.showOffline(listing);
  };
  return (
    <section className="section" aria-labelledby="copilot-suggest">
      <h3 id="copilot-suggest" className="section__title">
        Improve it
      </h3>
      <div className="row">
        <button type="button" className="button button--primary" onClick={start}>
          {state.status === 'done' ? 'Suggest again' : 'Suggest improvements'}
        </button>
        {state.status === 'done' && (
          <span className="muted" data-testid="engine">
            By: {state.result.engine}
          </span>
        )}
      </div>
    </section>
  );
}
