import { lazy, Suspense, useEffect, useState } from 'react';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { EditorRoute } from '@/lib/editor/route';
import type { EtsyListingText } from '@/lib/etsy/publish-schemas';
import type { ListingText } from '@/lib/listing';
import { fillRequest, publishPlan, type Readable } from '@/lib/review/plan';
import { defaultChoices, type Choices } from '@/lib/review/choices';
import type { Field } from '@/lib/seo';
import { ErrorBox } from './ErrorBox';
import { FillButton } from './FillButton';
import { PublishSection } from './PublishSection';
import { SuggestSection } from './SuggestSection';
import { useEtsyBaseline } from './useEtsyBaseline';
import { useSuggestions } from './useSuggestions';

const TEXT_FIELDS = ['title', 'description', 'tags'] as const;
/** The review (with the word diff) loads only once suggestions are asked for. */
const loadReview = () => import('./ReviewSection');
const ReviewSection = lazy(() =>
  loadReview().then((module) => ({ default: module.ReviewSection })),
);

/**
 * Suggest, review, fill and publish for one listing: everything past the grade, and what
 * needs the background (the model, Etsy). The panel loads it after its score shows.
 */
export function Workbench({
  route,
  editor,
  listing,
  unread,
}: {
  route: EditorRoute;
  editor: EditorAdapter;
  listing: ListingText;
  unread: Field[];
}) {
  const suggestions = useSuggestions();
  const baseline = useEtsyBaseline(route);
  const [choices, setChoices] = useState<Choices | null>(null);

  const readable: Readable = {
    title: !unread.includes('title'),
    description: !unread.includes('description'),
    tags: !unread.includes('tags'),
  };
  const asked = suggestions.state.status !== 'idle';
  useEffect(() => {
    if (asked) void loadReview();
  }, [asked]);
  const done = suggestions.state.status === 'done' ? suggestions.state.result : null;
  const activeChoices = done ? (choices ?? defaultChoices(listing, done.suggestion)) : null;

  return (
    <>
      {baseline.state.status === 'error' && (
        <ErrorBox error={baseline.state.error} testId="load-error">
          <p className="muted">Grading and suggestions still work; publishing waits for this.</p>
          <button type="button" className="button button--small" onClick={baseline.retry}>
            Retry
          </button>
        </ErrorBox>
      )}
      <SuggestSection
        listing={listing}
        suggestions={suggestions}
        onNewSuggestion={() => setChoices(null)}
        waitingForFields={TEXT_FIELDS.every((field) => unread.includes(field))}
        unread={TEXT_FIELDS.filter((field) => unread.includes(field))}
      />
      {done && activeChoices && (
        <Suspense fallback={<p className="muted">Loading the review…</p>}>
          <ReviewSection
            current={listing}
            suggestion={done.suggestion}
            choices={activeChoices}
            onChoices={setChoices}
            unread={unread}
          />
          <section className="section" aria-label="Apply">
            <FillButton
              editor={editor}
              request={fillRequest(listing, done.suggestion, activeChoices, readable)}
            />
          </section>
          <PublishSection
            plan={(etsy: EtsyListingText) =>
              publishPlan(etsy, listing, done.suggestion, activeChoices, readable)
            }
            baseline={baseline}
          />
        </Suspense>
      )}
    </>
  );
}
