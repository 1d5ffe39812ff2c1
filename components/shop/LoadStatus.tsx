import { ErrorBox } from '@/components/panel/ErrorBox';
import type { AuditMeta } from '@/lib/shop/cache';
import type { ShopLoadProgress } from '@/lib/shop/load-protocol';
import type { LoadState } from './useShopAudit';

const COUNT = new Intl.NumberFormat('en-US');
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function calls(progress: ShopLoadProgress): string {
  const used = `${COUNT.format(progress.callsUsed)} Etsy API call${progress.callsUsed === 1 ? '' : 's'}`;
  if (progress.remainingToday === null) return `${used} used`;
  const limit = progress.limitPerDay === null ? '' : ` of ${COUNT.format(progress.limitPerDay)}`;
  return `${used} used; ${COUNT.format(progress.remainingToday)}${limit} left today`;
}

function counted(progress: ShopLoadProgress | null): string {
  if (!progress) return 'Starting…';
  const total = progress.total === null ? '…' : COUNT.format(progress.total);
  return `${COUNT.format(progress.loaded)} of ${total}`;
}

/**
 * Where the audit's listings came from and the load in progress: progress with cancel,
 * the time of the cached load with Refresh, or the listingLoadError with Retry.
 */
export function LoadStatus({
  load,
  meta,
  connected,
  onStart,
  onCancel,
}: {
  load: LoadState;
  meta: AuditMeta | null;
  connected: boolean;
  onStart: (mode: 'fresh' | 'resume') => void;
  onCancel: () => void;
}) {
  if (load.status === 'reading-cache') return <p className="muted">Reading saved listings…</p>;
  if (load.status === 'loading') {
    return (
      <div className="load-status" role="status" data-testid="load-progress">
        <progress
          max={load.progress?.total ?? undefined}
          value={load.progress?.loaded ?? undefined}
          aria-label="Listings loaded"
        />
        <span>Loading listings from Etsy: {counted(load.progress)}</span>
        {load.progress && <span className="muted">{calls(load.progress)}</span>}
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (load.status === 'failed') {
    return (
      <ErrorBox error={load.error} testId="listing-load-error">
        <p>
          Couldn’t load {load.part}.{' '}
          {load.progress ? `${COUNT.format(load.progress.loaded)} listings loaded are kept.` : ''}
        </p>
        {connected && (
          <button type="button" className="button button--small" onClick={() => onStart('resume')}>
            Retry from there
          </button>
        )}
      </ErrorBox>
    );
  }
  const unfinished = meta?.source === 'api' && meta.loadedAt === null;
  return (
    <div className="load-status" role="status" data-testid="load-status">
      {load.status === 'done' && (
        <span data-testid="load-done">
          Loaded {COUNT.format(load.progress.loaded)} listings. {calls(load.progress)}.
        </span>
      )}
      {load.status === 'cancelled' && (
        <span>Stopped after {COUNT.format(load.progress.loaded)} listings.</span>
      )}
      {load.status === 'idle' && meta?.source === 'api' && meta.loadedAt !== null && (
        <span data-testid="cache-time">
          Listings as loaded from Etsy {WHEN.format(meta.loadedAt)}.
        </span>
      )}
      {load.status === 'idle' && meta?.source === 'csv' && (
        <span data-testid="cache-time">
          Listings from {meta.fileName}, imported {WHEN.format(meta.loadedAt)}.
        </span>
      )}
      {connected && unfinished && load.status !== 'done' && (
        <button type="button" className="button button--small" onClick={() => onStart('resume')}>
          Continue loading
        </button>
      )}
      {connected && (
        <button type="button" className="button button--small" onClick={() => onStart('fresh')}>
          {meta ? 'Refresh from Etsy' : 'Load listings from Etsy'}
        </button>
      )}
    </div>
  );
}
