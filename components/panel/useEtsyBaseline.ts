import { useCallback, useEffect, useState } from 'react';
import type { EditorRoute } from '@/lib/editor/route';
import type { EtsyListingText } from '@/lib/etsy/publish-schemas';
import type { UserError } from '@/lib/messaging/errors';
import { request } from '@/lib/messaging/protocol';

export type BaselineState =
  /** Publishing isn't possible here: not connected, no write scope, or an unsaved listing. */
  | { status: 'unavailable' }
  | { status: 'loading' }
  | { status: 'ready'; listing: EtsyListingText }
  | { status: 'error'; error: UserError };

const BACKGROUND_SILENT: UserError = {
  source: 'extension',
  code: 'unreachable',
  message: 'The extension’s background didn’t answer.',
  action: 'Reload this page. If the extension was just updated, that reconnects it.',
};

async function fetchBaseline(listingId: number): Promise<BaselineState> {
  try {
    const connection = await request('getEtsyConnection');
    if (connection.state !== 'connected' || !connection.canWrite) return { status: 'unavailable' };
    const answer = await request('getEtsyListing', { listingId });
    return answer.ok
      ? { status: 'ready', listing: answer.value }
      : { status: 'error', error: answer.error };
  } catch {
    return { status: 'error', error: BACKGROUND_SILENT };
  }
}

const UNAVAILABLE: BaselineState = { status: 'unavailable' };
const LOADING: BaselineState = { status: 'loading' };

/**
 * The listing as Etsy has it saved, read once when the panel opens (only when the shop
 * is connected with write access): what a publish checks for conflicts against. Until the
 * answer for this listing arrives it is `loading`, not `unavailable`.
 */
export function useEtsyBaseline(route: EditorRoute) {
  const listingId = route.mode === 'edit' ? Number(route.listingId) : null;
  const [answer, setAnswer] = useState<{ listingId: number; state: BaselineState } | null>(null);
  const state =
    listingId === null ? UNAVAILABLE : answer?.listingId === listingId ? answer.state : LOADING;

  useEffect(() => {
    if (listingId === null) return;
    let current = true;
    void fetchBaseline(listingId).then((next) => current && setAnswer({ listingId, state: next }));
    return () => {
      current = false;
    };
  }, [listingId]);

  const retry = useCallback(async () => {
    if (listingId === null) return;
    setAnswer({ listingId, state: LOADING });
    setAnswer({ listingId, state: await fetchBaseline(listingId) });
  }, [listingId]);
  const replace = useCallback(
    (listing: EtsyListingText) => {
      if (listingId !== null) setAnswer({ listingId, state: { status: 'ready', listing } });
    },
    [listingId],
  );
  return { state, retry, replace };
}
