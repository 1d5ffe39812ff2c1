import { useCallback, useEffect, useState } from 'react';
import type { EtsyConnection } from '@/lib/etsy/connection-schemas';
import { etsyConnectionChanged } from '@/lib/etsy/connection-changed';
import { call, type Outcome } from '@/lib/messaging/protocol';
import type { EarlyAnswer } from './early';

/**
 * The Etsy connection as the background knows it: the stored state (asked before the first
 * render: `stored`) at once, then a live check (which renews an expired token or finds a dead
 * one), then again whenever the background changes it, as the OAuth flow does, which outlives
 * any one popup.
 */
export function useEtsyConnection(stored: EarlyAnswer<Outcome<EtsyConnection>>) {
  const [connection, setConnection] = useState<EtsyConnection | null>(
    stored.value?.ok ? stored.value.value : null,
  );
  const [failure, setFailure] = useState<string | null>(
    stored.value && !stored.value.ok ? stored.value.error.message : null,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const show = (next: EtsyConnection) => {
      if (!cancelled) setConnection(next);
      return next;
    };
    void (async () => {
      const answer = await stored.promise;
      if (answer.ok && show(answer.value).state === 'connected') {
        const checked = await call('checkEtsyConnection');
        if (checked.ok) show(checked.value);
        else if (!cancelled) setFailure(checked.error.message);
      } else if (!answer.ok && !cancelled) setFailure(answer.error.message);
    })();
    return () => {
      cancelled = true;
    };
  }, [stored]);

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
