import { useCallback, useEffect, useState } from 'react';
import type { EtsyConnection } from '@/lib/etsy/connection-schemas';
import { etsyConnectionChanged } from '@/lib/etsy/connection-changed';
import { call } from '@/lib/messaging/protocol';

/**
 * The Etsy connection as the background knows it: the stored state at once, then a live
 * check (which renews an expired token or finds a dead one), then again whenever the
 * background changes it, as the OAuth flow does, which outlives any one popup.
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
    void (async () => {
      const stored = await call('getEtsyConnection');
      if (stored.ok && show(stored.value).state === 'connected') {
        const checked = await call('checkEtsyConnection');
        if (checked.ok) show(checked.value);
        else if (!cancelled) setFailure(checked.error.message);
      } else if (!stored.ok && !cancelled) setFailure(stored.error.message);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      etsyConnectionChanged.watch(() => {
        void call('getEtsyConnection').then((answer) => answer.ok && setConnection(answer.value));
      }),
    [],
  );

  const run = useCallback(async (type: 'connectEtsy' | 'disconnectEtsy') => {
    setBusy(true);
    setFailure(null);
    if (type === 'connectEtsy') setConnection({ state: 'connecting' });
    const answer = await call(type);
    if (answer.ok) setConnection(answer.value);
    else setFailure(answer.error.message);
    setBusy(false);
  }, []);

  return {
    connection,
    failure,
    busy,
    connect: () => run('connectEtsy'),
    disconnect: () => run('disconnectEtsy'),
  };
}
