import { useCallback, useEffect, useRef, useState } from 'react';
import { ENGINE_NAMES } from '@/lib/llm/engine-names';
import { startSuggestionStream, type SuggestionStream } from '@/lib/llm/stream-client';
import { request } from '@/lib/messaging/protocol';
import {
  changesFrom,
  createBatch,
  latestBatch,
  saveBatch,
  withItem,
  type Batch,
  type BatchItem,
  type NewBatchItem,
} from '@/lib/shop/batch';
import type { ShopRow } from '@/lib/shop/rows';

const LOST = 'The connection to the extension was lost before Etsy answered.';

/**
 * The bulk batch: suggestions for every listing through the background's per-provider
 * queue, the seller's review, publishing one listing after another, and reverting the
 * whole batch. Every step is saved (IndexedDB) before the next, so a stopped worker or a
 * closed page resumes where it stopped.
 */
export function useBatch(onListingChanged: (key: string, change: Partial<ShopRow>) => void) {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [working, setWorking] = useState<null | 'publishing' | 'reverting'>(null);
  const current = useRef<Batch | null>(null);
  const streams = useRef(new Map<string, SuggestionStream>());

  const commit = useCallback(async (next: Batch) => {
    current.current = next;
    setBatch(next);
    await saveBatch(next);
  }, []);
  const update = useCallback(
    (key: string, change: Partial<BatchItem>) => commit(withItem(current.current!, key, change)),
    [commit],
  );

  useEffect(() => {
    let live = true;
    void latestBatch().then((stored) => {
      if (!live || !stored) return;
      current.current = stored;
      setBatch(stored);
    });
    const running = streams.current;
    return () => {
      live = false;
      for (const stream of running.values()) stream.cancel();
    };
  }, []);

  const suggestFor = useCallback(
    (items: BatchItem[]) => {
      for (const item of items) {
        void update(item.key, { stage: 'suggesting', message: null });
        const stream = startSuggestionStream(
          { ...item.before, categoryPath: [] },
          {
            onResult: (result) => {
              streams.current.delete(item.key);
              void update(item.key, {
                stage: 'suggested',
                suggestion: result.suggestion,
                engine:
                  result.engine === 'offline'
                    ? ENGINE_NAMES.offline
                    : (result.model ?? ENGINE_NAMES[result.engine]),
              });
            },
            onError: (error, fallback) => {
              streams.current.delete(item.key);
              // The offline engine serves when no model answers; the seller is told why.
              void update(
                item.key,
                fallback
                  ? {
                      stage: 'suggested',
                      suggestion: fallback,
                      engine: ENGINE_NAMES.offline,
                      message: error.message,
                    }
                  : { stage: 'suggest-failed', message: error.message },
              );
            },
          },
        );
        streams.current.set(item.key, stream);
      }
    },
    [update],
  );

  const start = useCallback(
    async (rows: ShopRow[]) => {
      const listings: NewBatchItem[] = rows.flatMap((row) =>
        row.listingId === null
          ? []
          : [
              {
                key: row.key,
                listingId: row.listingId,
                before: {
                  title: row.title,
                  description: row.description,
                  tags: row.tags,
                  materials: row.materials,
                },
              },
            ],
      );
      const created = await createBatch(listings);
      current.current = created;
      setBatch(created);
      suggestFor(created.items);
    },
    [suggestFor],
  );

  const cancelAll = useCallback(async () => {
    for (const [key, stream] of streams.current) {
      stream.cancel();
      await update(key, { stage: 'skipped', message: 'Cancelled before the suggestion arrived.' });
    }
    streams.current.clear();
  }, [update]);

  /** Items a stopped page left half-suggested are asked again. */
  const resumeSuggesting = useCallback(() => {
    const left = current.current?.items.filter(
      (item) =>
        (item.stage === 'queued' || item.stage === 'suggesting') && !streams.current.has(item.key),
    );
    if (left?.length) suggestFor(left);
  }, [suggestFor]);

  const decide = useCallback(
    (key: string, decision: { applied: BatchItem['applied'] } | 'skip') =>
      update(
        key,
        decision === 'skip'
          ? { stage: 'skipped', applied: null }
          : { stage: 'accepted', applied: decision.applied },
      ),
    [update],
  );

  /** One listing after another; the background's rate limiter spaces the calls. */
  const publishAccepted = useCallback(async () => {
    setWorking('publishing');
    try {
      for (const item of current.current!.items.filter((i) => i.stage === 'accepted')) {
        const changes = changesFrom(item.before, item.applied!);
        if (Object.keys(changes).length === 0) {
          await update(item.key, { stage: 'skipped', message: 'Nothing to change.' });
          continue;
        }
        const baseline = { listingId: item.listingId, ...item.before };
        let outcome;
        try {
          outcome = await request('publishListing', { baseline, changes });
        } catch {
          await update(item.key, { stage: 'publish-failed', message: LOST });
          continue;
        }
        if (outcome.status === 'done') {
          await update(item.key, {
            stage: 'published',
            snapshotId: outcome.snapshotId,
            message: null,
          });
          onListingChanged(item.key, outcome.listing);
        } else if (outcome.status === 'conflict') {
          await update(item.key, {
            stage: 'conflict',
            message: `Changed on Etsy since it was loaded (${outcome.conflicts.map((c) => c.field).join(', ')}); nothing was overwritten.`,
          });
        } else {
          await update(item.key, { stage: 'publish-failed', message: outcome.error.message });
        }
      }
    } finally {
      setWorking(null);
    }
  }, [update, onListingChanged]);

  /** A publish that failed (a lost connection included) goes back to accepted, to publish again. */
  const retryFailed = useCallback(async () => {
    for (const item of current.current!.items.filter((i) => i.stage === 'publish-failed')) {
      await update(item.key, { stage: 'accepted', message: null });
    }
    await publishAccepted();
  }, [update, publishAccepted]);

  /** Puts back every listing the batch changed; one changed on Etsy since is reported, not overwritten. */
  const revertBatch = useCallback(async () => {
    setWorking('reverting');
    try {
      for (const item of current.current!.items.filter(
        (i) => (i.stage === 'published' || i.stage === 'revert-failed') && i.snapshotId !== null,
      )) {
        let outcome;
        try {
          outcome = await request('revertListing', {
            listingId: item.listingId,
            snapshotId: item.snapshotId!,
          });
        } catch {
          await update(item.key, { stage: 'revert-failed', message: LOST });
          continue;
        }
        if (outcome.status === 'done') {
          await update(item.key, { stage: 'reverted', message: null });
          onListingChanged(item.key, outcome.listing);
        } else if (outcome.status === 'conflict') {
          await update(item.key, {
            stage: 'revert-conflict',
            message: `Changed on Etsy after this batch published it (${outcome.conflicts.map((c) => c.field).join(', ')}); left as it is.`,
          });
        } else {
          await update(item.key, { stage: 'revert-failed', message: outcome.error.message });
        }
      }
    } finally {
      setWorking(null);
    }
  }, [update, onListingChanged]);

  const close = useCallback(async () => {
    if (current.current) await saveBatch({ ...current.current, closed: true });
    current.current = null;
    setBatch(null);
  }, []);

  return {
    batch,
    working,
    start,
    cancelAll,
    resumeSuggesting,
    decide,
    publishAccepted,
    retryFailed,
    revertBatch,
    close,
  };
}
