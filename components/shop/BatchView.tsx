import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ReviewSection } from '@/components/panel/ReviewSection';
import { applyChoices, defaultChoices, type Choices } from '@/lib/review/choices';
import { count, type BatchItem, type BatchStage } from '@/lib/shop/batch';
import type { useBatch } from './useBatch';

const STAGE_LABEL: Record<BatchStage, string> = {
  queued: 'waiting',
  suggesting: 'suggesting…',
  suggested: 'to review',
  'suggest-failed': 'no suggestion',
  accepted: 'accepted',
  skipped: 'skipped',
  published: 'published',
  conflict: 'not published: changed on Etsy',
  'publish-failed': 'publish failed',
  reverted: 'reverted',
  'revert-conflict': 'not reverted: changed on Etsy',
  'revert-failed': 'revert failed',
};
const REVIEWABLE: BatchStage[] = ['suggested', 'accepted', 'skipped'];

/** Reviews one listing of the batch: the panel's review, keyboard first (A accept, S skip, N next, P back). */
function ReviewOne({
  item,
  position,
  onAccept,
  onSkip,
  onMove,
}: {
  item: BatchItem;
  position: string;
  onAccept: (applied: NonNullable<BatchItem['applied']>) => void;
  onSkip: () => void;
  onMove: (step: 1 | -1) => void;
}) {
  const current = { ...item.before, categoryPath: [] };
  const [choices, setChoices] = useState<Choices>(() => defaultChoices(current, item.suggestion!));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [item.key]);
  const accept = () => onAccept(applyChoices(current, item.suggestion!, choices));
  const keys = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text') return;
    const action = { a: accept, s: onSkip, n: () => onMove(1), p: () => onMove(-1) }[
      event.key.toLowerCase()
    ];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="batch-review"
      data-testid="batch-review"
      aria-label={`Review ${position}: ${item.before.title}`}
      onKeyDown={keys}
    >
      <p>
        <strong>{position}</strong> {item.before.title}{' '}
        <span className="muted" data-testid="batch-review-stage">
          ({STAGE_LABEL[item.stage]}; by {item.engine})
        </span>
      </p>
      {item.message && <p className="notice">{item.message}</p>}
      <ReviewSection
        current={current}
        suggestion={item.suggestion!}
        choices={choices}
        onChoices={setChoices}
        unread={[]}
      />
      <div className="row">
        <button
          type="button"
          className="button button--primary"
          onClick={accept}
          aria-keyshortcuts="A"
        >
          Accept (A)
        </button>
        <button type="button" className="button" onClick={onSkip} aria-keyshortcuts="S">
          Skip (S)
        </button>
        <button type="button" className="button" onClick={() => onMove(-1)} aria-keyshortcuts="P">
          Back (P)
        </button>
        <button type="button" className="button" onClick={() => onMove(1)} aria-keyshortcuts="N">
          Next (N)
        </button>
      </div>
    </div>
  );
}

/** A bulk batch: progress per listing, review one after another, publish, revert all. */
export function BatchView({ bulk }: { bulk: ReturnType<typeof useBatch> }) {
  const batch = bulk.batch!;
  const reviewable = batch.items.filter(
    (item) => REVIEWABLE.includes(item.stage) && item.suggestion,
  );
  const [index, setIndex] = useState(0);
  const shown = reviewable[Math.min(index, reviewable.length - 1)];
  const suggesting = count(batch, 'queued', 'suggesting');
  const accepted = count(batch, 'accepted');
  const published = count(batch, 'published', 'revert-failed');
  const failed = count(batch, 'publish-failed');
  const next = (step: 1 | -1) =>
    setIndex((i) => Math.max(0, Math.min(reviewable.length - 1, i + step)));

  return (
    <section
      className="panel panel--embedded batch"
      aria-labelledby="batch-title"
      data-testid="batch"
    >
      <h2 id="batch-title" className="detail__title">
        Batch of {batch.items.length} listings
      </h2>
      <p role="status" data-testid="batch-summary">
        {suggesting > 0
          ? `Suggesting: ${batch.items.length - suggesting} of ${batch.items.length} done. `
          : ''}
        {accepted} accepted, {published} published
        {count(batch, 'reverted') > 0 ? `, ${count(batch, 'reverted')} reverted` : ''}.
      </p>
      <div className="row">
        {suggesting > 0 && (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => void bulk.cancelAll()}
            >
              Cancel all
            </button>
            <button type="button" className="button button--small" onClick={bulk.resumeSuggesting}>
              Resume suggesting
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={accepted === 0 || bulk.working !== null}
          onClick={() => void bulk.publishAccepted()}
        >
          {bulk.working === 'publishing' ? 'Publishing…' : `Publish accepted (${accepted})`}
        </button>
        {failed > 0 && (
          <button
            type="button"
            className="button"
            disabled={bulk.working !== null}
            onClick={() => void bulk.retryFailed()}
          >
            Publish the {failed} that failed again
          </button>
        )}
        {published > 0 && (
          <button
            type="button"
            className="button"
            disabled={bulk.working !== null}
            onClick={() => void bulk.revertBatch()}
          >
            {bulk.working === 'reverting' ? 'Reverting…' : 'Revert this batch'}
          </button>
        )}
        <button
          type="button"
          className="link"
          disabled={bulk.working !== null}
          onClick={() => void bulk.close()}
        >
          Close batch
        </button>
      </div>
      <ol className="batch__items">
        {batch.items.map((item) => (
          <li key={item.key} data-testid="batch-item" data-stage={item.stage}>
            <span className="batch__name">{item.before.title}</span> —{' '}
            <span data-testid="batch-stage">{STAGE_LABEL[item.stage]}</span>
            {item.message && item.stage !== 'suggested' && (
              <span className="muted"> ({item.message})</span>
            )}
          </li>
        ))}
      </ol>
      {shown && (
        <ReviewOne
          key={shown.key}
          item={shown}
          position={`${reviewable.indexOf(shown) + 1} of ${reviewable.length}`}
          onAccept={(applied) => {
            void bulk.decide(shown.key, { applied });
            next(1);
          }}
          onSkip={() => {
            void bulk.decide(shown.key, 'skip');
            next(1);
          }}
          onMove={next}
        />
      )}
    </section>
  );
}
