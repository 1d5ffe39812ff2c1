import { useCallback, useEffect, useState } from 'react';
import type { EtsyConnection } from '@/lib/etsy/connection';
import { request } from '@/lib/messaging/protocol';

const CONNECTING_POLL_MS = 1000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Etsy connection as the background knows it: the stored state at once, then a live
 * check (which renews an expired token or finds a dead one). While the background runs
 * the OAuth flow the state is polled, since the flow outlives any one popup.
 */
export function useEtsyConnection() {
  const [connection, setConnection] = useState<EtsyConnection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const show = (next: EtsyConnection) => {
      if (!cancelled) setConnection(next);
      return next;
    };
    request('getEtsyConnection')
      .then(show)
      .then((stored) => (stored.state === 'connected' ? request('checkEtsyConnection') : null))
      .then((checked) => checked && show(checked))
      .catch((error: unknown) => !cancelled && setFailure(messageOf(error)));
    return () => {
      cancelled = true;
    };
  }, []);

  const connecting = connection?.state === 'connecting';
  useEffect(() => {
    if (!connecting) return;
    const timer = setInterval(() => {
      request('getEtsyConnection').then(setConnection, () => undefined);
    }, CONNECTING_POLL_MS);
    return () => clearInterval(timer);
  }, [connecting]);

  const run = useCallback(async (type: 'connectEtsy' | 'disconnectEtsy') => {
    setBusy(true);
    setFailure(null);
    if (type === 'connectEtsy') setConnection({ state: 'connecting' });
    try {
      setConnection(await request(type));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    connection,
    failure,
    busy,
    connect: () => run('connectEtsy'),
    disconnect: () => run('disconnectEtsy'),
  };
}
