import { useMemo, useState } from 'react';
import { ErrorBox } from '@/components/panel/ErrorBox';
import { GradeSection } from '@/components/panel/GradeSection';
import { PublishSection } from '@/components/panel/PublishSection';
import { ReviewSection } from '@/components/panel/ReviewSection';
import { SuggestSection } from '@/components/panel/SuggestSection';
import { useEtsyBaseline } from '@/components/panel/useEtsyBaseline';
import { useSuggestions } from '@/components/panel/useSuggestions';
import type { EditorRoute } from '@/lib/editor/route';
import type { ListingText } from '@/lib/listing';
import { defaultChoices, type Choices } from '@/lib/review/choices';
import { publishPlan, type Readable } from '@/lib/review/plan';
import { checkListing } from '@/lib/seo';
import type { AuditRow } from '@/lib/shop/audit';
import { editorUrl, type ShopRow } from '@/lib/shop/rows';

const NO_ID_ROUTE: EditorRoute = { mode: 'create' };
/** Etsy's API (or the seller's file) gave every field: nothing is unread. */
const ALL_READ: Readable = { title: true, description: true, tags: true };

/**
 * The chosen listing, fixed the way the panel fixes it: the panel's own grade, suggest,
 * review and publish sections, on the same background routes. Keyed by listing, so its
 * errors (optimizeError included) go when another listing is chosen.
 */
export function ListingDetail({
  row,
  canPublish,
  onPublished,
}: {
  row: AuditRow;
  canPublish: boolean;
  onPublished: (change: Partial<ShopRow>) => void;
}) {
  const listing: ListingText = useMemo(
    () => ({
      title: row.title,
      description: row.description,
      tags: row.tags,
      materials: row.materials,
      categoryPath: [],
    }),
    [row.title, row.description, row.tags, row.materials],
  );
  const route: EditorRoute =
    canPublish && row.listingId !== null
      ? { mode: 'edit', listingId: String(row.listingId) }
      : NO_ID_ROUTE;
  const etsyBaseline = useEtsyBaseline(route);
  const baseline = {
    ...etsyBaseline,
    replace: (saved: Parameters<typeof etsyBaseline.replace>[0]) => {
      etsyBaseline.replace(saved);
      onPublished({ title: saved.title, description: saved.description, tags: saved.tags });
    },
  };
  const suggestions = useSuggestions();
  const [choices, setChoices] = useState<Choices | null>(null);
  const result = useMemo(() => checkListing(listing), [listing]);
  const done = suggestions.state.status === 'done' ? suggestions.state.result : null;
  const activeChoices = done ? (choices ?? defaultChoices(listing, done.suggestion)) : null;

  return (
    <div className="panel panel--embedded" data-testid="listing-detail">
      <h2 className="detail__title" data-testid="detail-title">
        {row.title || 'Untitled listing'}
      </h2>
      <p className="row">
        <a href={editorUrl(row)} target="_blank" rel="noreferrer" data-testid="open-in-editor">
          Open in Etsy’s editor
        </a>
        {row.listingId === null && (
          <span className="muted">
            {' '}
            (this file has no listing ids, so it opens Etsy’s listings searched by title)
          </span>
        )}
      </p>
      {!canPublish && (
        <p className="notice" data-testid="publish-needs-api">
          Publishing from here needs the Etsy API connection
          {row.listingId === null ? ' and a listing id' : ''}. Use Copy on each suggestion, or open
          the listing in Etsy’s editor and use the panel’s Fill into editor.
        </p>
      )}
      {etsyBaseline.state.status === 'error' && (
        <ErrorBox error={etsyBaseline.state.error} testId="load-error">
          <button type="button" className="button button--small" onClick={etsyBaseline.retry}>
            Retry
          </button>
        </ErrorBox>
      )}
      <GradeSection result={result} unread={[]} />
      <SuggestSection
        listing={listing}
        suggestions={suggestions}
        onNewSuggestion={() => setChoices(null)}
      />
      {done && activeChoices && (
        <>
          <ReviewSection
            current={listing}
            suggestion={done.suggestion}
            choices={activeChoices}
            onChoices={setChoices}
            unread={[]}
          />
          <PublishSection
            plan={(etsy) => publishPlan(etsy, listing, done.suggestion, activeChoices, ALL_READ)}
            baseline={baseline}
          />
        </>
      )}
    </div>
  );
}
