import { useState } from 'react';
import type { EtsyListingText, FieldConflict, WriteOutcome } from '@/lib/etsy/publish-schemas';
import type { UserError } from '@/lib/messaging/errors';
import { request } from '@/lib/messaging/protocol';
import type { PublishPlan } from '@/lib/review/plan';
import { ErrorBox } from './ErrorBox';
import type { useEtsyBaseline } from './useEtsyBaseline';

type PublishState =
  | { status: 'idle' }
  | { status: 'working'; what: 'publish' | 'revert' }
  | { status: 'published'; snapshotId: number | null; alreadyApplied: boolean }
  | { status: 'reverted' }
  | { status: 'conflict'; conflicts: FieldConflict[] }
  | { status: 'failed'; error: UserError; what: 'publish' | 'revert'; snapshotId?: number };

const FIELD = { title: 'Title', description: 'Description', tags: 'Tags' } as const;

/** The background went away (Chrome stopped its worker, or the extension reloaded) mid-write. */
const BACKGROUND_LOST: UserError = {
  source: 'extension',
  code: 'connection-lost',
  message:
    'The connection to the extension was lost before Etsy answered, so the change may or may not have been made.',
  action:
    'Try again: if Etsy already has these changes, nothing is sent twice. If the extension was just updated, reload this page first.',
};

const HELD = {
  unread: (field: string) =>
    `${field} isn’t sent: the panel couldn’t read it on this page, so Etsy’s value stays as it is.`,
  'rich-description': () =>
    'Description isn’t sent: on Etsy it is rich text, and a plain one would lose its formatting. Use Fill into editor or Copy instead.',
} as const;

function Conflicts({ conflicts }: { conflicts: FieldConflict[] }) {
  return (
    <ul className="conflicts">
      {conflicts.map((c) => (
        <li key={c.field}>
          <strong>{FIELD[c.field]}</strong> on Etsy is now “{c.actual}” (you started from “
          {c.expected}”).
        </li>
      ))}
    </ul>
  );
}

/**
 * Publishes the accepted changes through Etsy's API, with a snapshot and one-click
 * revert: Etsy's saved listing plus only what the seller accepted, never the page's text.
 * Shown only when the shop is connected with write access; its errors stay here and the
 * seller's choices are kept whatever happens.
 */
export function PublishSection({
  plan,
  baseline,
}: {
  plan: (etsy: EtsyListingText) => PublishPlan;
  baseline: ReturnType<typeof useEtsyBaseline>;
}) {
  const [state, setState] = useState<PublishState>({ status: 'idle' });
  const [emptyConfirmed, setEmptyConfirmed] = useState(false);
  if (baseline.state.status === 'loading') {
    return (
      <section className="section" aria-labelledby="copilot-publish">
        <h3 id="copilot-publish" className="section__title">
          Publish to Etsy
        </h3>
        <p className="muted" role="status">
          Reading this listing as Etsy has it saved…
        </p>
      </section>
    );
  }
  if (baseline.state.status !== 'ready') return null;
  const etsy = baseline.state.listing;
  const { changes, held, emptiesTags } = plan(etsy);
  const nothing = Object.keys(changes).length === 0;
  const busy = state.status === 'working';
  const blocked = emptiesTags && !emptyConfirmed;

  const finish = (outcome: WriteOutcome, what: 'publish' | 'revert', snapshotId?: number) => {
    if (outcome.status === 'done') {
      baseline.replace(outcome.listing);
      setState(
        what === 'publish'
          ? {
              status: 'published',
              snapshotId: outcome.snapshotId,
              alreadyApplied: outcome.alreadyApplied,
            }
          : { status: 'reverted' },
      );
    } else if (outcome.status === 'conflict') {
      setState({ status: 'conflict', conflicts: outcome.conflicts });
    } else {
      setState({ status: 'failed', error: outcome.error, what, snapshotId });
    }
  };
  const lost = (what: 'publish' | 'revert', snapshotId?: number) =>
    setState({ status: 'failed', error: BACKGROUND_LOST, what, snapshotId });
  const publish = async () => {
    setState({ status: 'working', what: 'publish' });
    try {
      const confirmed = emptiesTags && emptyConfirmed ? { emptyTagsConfirmed: true as const } : {};
      finish(await request('publishListing', { baseline: etsy, changes, ...confirmed }), 'publish');
    } catch {
      lost('publish');
    }
  };
  const revert = async (snapshotId: number) => {
    setState({ status: 'working', what: 'revert' });
    try {
      finish(
        await request('revertListing', { listingId: etsy.listingId, snapshotId }),
        'revert',
        snapshotId,
      );
    } catch {
      lost('revert', snapshotId);
    }
  };

  return (
    <section className="section" aria-labelledby="copilot-publish">
      <h3 id="copilot-publish" className="section__title">
        Publish to Etsy
      </h3>
      <div className="row">
        <button
          type="button"
          className="button button--primary"
          disabled={nothing || busy || blocked}
          onClick={publish}
        >
          {busy && state.what === 'publish' ? 'Publishing…' : 'Publish to Etsy'}
        </button>
        <span className="muted">
          {nothing
            ? 'Etsy already has these values.'
            : `Sends only: ${Object.keys(changes)
                .map((f) => FIELD[f as keyof typeof FIELD].toLowerCase())
                .join(', ')}`}
        </span>
      </div>
      {held.map(({ field, reason }) => (
        <p key={field} className="muted" data-testid={`publish-held-${field}`}>
          {HELD[reason](FIELD[field])}
        </p>
      ))}
      {emptiesTags && (
        <label className="toggle" data-testid="confirm-empty-tags">
          <input
            type="checkbox"
            checked={emptyConfirmed}
            onChange={(e) => setEmptyConfirmed(e.target.checked)}
          />
          Yes, remove every tag from this listing on Etsy
        </label>
      )}
      {state.status === 'published' && (
        <div className="toast" role="status" data-testid="publish-toast">
          <p>
            {state.snapshotId === null
              ? 'Etsy already has these values, so nothing was sent and there is nothing to revert.'
              : state.alreadyApplied
                ? 'Etsy already had these changes; nothing was sent twice.'
                : 'Published to Etsy. A snapshot of the old values was kept.'}{' '}
            Reload the editor before editing further: it still shows what it loaded.
          </p>
          {state.snapshotId !== null && (
            <button
              type="button"
              className="button button--small"
              onClick={() => revert(state.snapshotId!)}
            >
              Revert
            </button>
          )}
        </div>
      )}
      {state.status === 'reverted' && (
        <p className="toast" role="status" data-testid="publish-toast">
          Reverted: Etsy has the listing’s previous values again.
        </p>
      )}
      {state.status === 'conflict' && (
        <div className="error-box" role="alert" data-testid="publish-conflict">
          <p>This listing changed on Etsy since you opened it, so nothing was overwritten.</p>
          <Conflicts conflicts={state.conflicts} />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setState({ status: 'idle' });
              void baseline.retry();
            }}
          >
            Start from Etsy’s current version
          </button>
        </div>
      )}
      {state.status === 'failed' && (
        <ErrorBox error={state.error} testId="publish-error">
          <p className="muted">Your choices are kept. Nothing else was changed.</p>
          {state.what === 'revert' && state.snapshotId !== undefined && (
            <button
              type="button"
              className="button button--small"
              onClick={() => revert(state.snapshotId!)}
            >
              Try the revert again
            </button>
          )}
        </ErrorBox>
      )}
    </section>
  );
}
