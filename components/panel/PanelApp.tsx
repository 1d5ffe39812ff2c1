import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { PageLink } from '@/lib/bridge/page-link';
import { unreadFields } from '@/lib/editor/read';
import type { EditorRoute } from '@/lib/editor/route';
import type { EtsyListingText } from '@/lib/etsy/publish-schemas';
import { request } from '@/lib/messaging/protocol';
import { fillRequest, publishPlan, type Readable } from '@/lib/review/plan';
import { defaultChoices, type Choices } from '@/lib/review/choices';
import { checkListing } from '@/lib/seo';
import type { PanelLayout } from '@/lib/settings';
import { ErrorBox } from './ErrorBox';
import { FieldsFoundLine, WhatWasRead } from './FieldsFound';
import { FillButton } from './FillButton';
import { GradeSection } from './GradeSection';
import { PanelShell } from './PanelShell';
import { PublishSection } from './PublishSection';
import { SuggestSection } from './SuggestSection';
import { useEditorReadout } from './useEditorReadout';
import { useEtsyBaseline } from './useEtsyBaseline';
import { useFramePlacement, useViewport } from './useFramePlacement';
import { usePanelLayout } from './usePanelLayout';
import { useSuggestions } from './useSuggestions';

const TEXT_FIELDS = ['title', 'description', 'tags'] as const;
/** The review (with the word diff) loads only once suggestions are asked for. */
const loadReview = () => import('./ReviewSection');
const ReviewSection = lazy(() =>
  loadReview().then((module) => ({ default: module.ReviewSection })),
);

function routeLabel(route: EditorRoute): string {
  if (route.mode === 'edit') return `Listing ${route.listingId}`;
  if (route.mode === 'copy') return `New listing (copy of ${route.templateId})`;
  return 'New listing';
}

/**
 * The seller's loop for one listing: read, grade, suggest, review, apply. It reaches Etsy's
 * editor only through `link` (the content script in its tab).
 */
export function PanelApp({ link, layout: stored }: { link: PageLink; layout: PanelLayout }) {
  const { route, editor } = link;
  const [layout, setLayout] = usePanelLayout(stored);
  const viewport = useViewport(link);
  const sizer = useFramePlacement(link, layout.offset);
  const readout = useEditorReadout(editor);
  const suggestions = useSuggestions();
  const baseline = useEtsyBaseline(route);
  const [choices, setChoices] = useState<Choices | null>(null);

  const listing = readout?.listing;
  const unread = useMemo(() => (readout ? unreadFields(readout) : []), [readout]);
  const result = useMemo(() => (listing ? checkListing(listing, unread) : null), [listing, unread]);
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
  const activeChoices =
    done && listing ? (choices ?? defaultChoices(listing, done.suggestion)) : null;

  return (
    <PanelShell
      layout={layout}
      onLayout={setLayout}
      viewport={viewport}
      sizer={sizer}
      subtitle={<span data-testid="panel-listing">{routeLabel(route)}</span>}
    >
      <p className="muted">
        <button type="button" className="link" onClick={() => void request('openShopPage')}>
          All listings
        </button>{' '}
        — every listing of the shop, graded
      </p>
      {!readout || !listing || !result ? (
        <p className="muted">Reading the listing…</p>
      ) : (
        <>
          <p className="panel__current" data-testid="panel-title" title="The title as it is now">
            {listing.title || <span className="muted">No title yet</span>}
          </p>
          <FieldsFoundLine readout={readout} />
          {baseline.state.status === 'error' && (
            <ErrorBox error={baseline.state.error} testId="load-error">
              <p className="muted">
                Grading and suggestions still work; publishing waits for this.
              </p>
              <button type="button" className="button button--small" onClick={baseline.retry}>
                Retry
              </button>
            </ErrorBox>
          )}
          <GradeSection result={result} unread={unread} onShow={editor.show} />
          <WhatWasRead readout={readout} />
          <SuggestSection
            listing={listing}
            suggestions={suggestions}
            onNewSuggestion={() => setChoices(null)}
            waitingForFields={TEXT_FIELDS.every((field) => unread.includes(field))}
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
      )}
    </PanelShell>
  );
}
