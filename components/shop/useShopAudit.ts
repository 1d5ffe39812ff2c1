import { browser } from '#imports';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UserError } from '@/lib/messaging/errors';
import { gradeRow, type AuditRow } from '@/lib/shop/audit';
import { readAuditMeta, readCachedRows, type AuditMeta } from '@/lib/shop/cache';
import {
  SHOP_LOAD_PORT_NAME,
  ShopLoadServerSchema,
  type ShopLoadProgress,
} from '@/lib/shop/load-protocol';
import type { ShopRow } from '@/lib/shop/rows';

export type LoadState =
  | { status: 'reading-cache' }
  | { status: 'idle' }
  | { status: 'loading'; progress: ShopLoadProgress | null }
  | { status: 'done'; progress: ShopLoadProgress }
  | { status: 'cancelled'; progress: ShopLoadProgress }
  /** The listingLoadError: what failed and where; the rows loaded so far stay. */
  | { status: 'failed'; part: string; error: UserError; progress: ShopLoadProgress | null };

const LOST: UserError = {
  source: 'extension',
  code: 'connection-lost',
  message: 'The connection to the extension was lost while loading.',
  action: 'Click Retry to carry on from the last page that arrived.',
};

/**
 * The shop's listings, graded: the cache at once, then Etsy's pages as they arrive over
 * the load port. A failure never empties the list.
 */
export function useShopAudit() {
  const [rows, setRows] = useState<Map<string, AuditRow>>(new Map());
  const [meta, setMeta] = useState<AuditMeta | null>(null);
  const [load, setLoad] = useState<LoadState>({ status: 'reading-cache' });
  const port = useRef<ReturnType<typeof browser.runtime.connect> | null>(null);

  const reloadCache = useCallback(async () => {
    const [cached, stored] = await Promise.all([readCachedRows(), readAuditMeta()]);
    setRows(new Map(cached.map((row) => [row.key, gradeRow(row)])));
    setMeta(stored);
    return stored;
  }, []);

  useEffect(() => {
    let live = true;
    void Promise.all([readCachedRows(), readAuditMeta()]).then(([cached, stored]) => {
      if (!live) return;
      setRows(new Map(cached.map((row) => [row.key, gradeRow(row)])));
      setMeta(stored);
      setLoad((state) => (state.status === 'reading-cache' ? { status: 'idle' } : state));
    });
    return () => {
      live = false;
      port.current?.disconnect();
    };
  }, []);

  const addRows = useCallback((incoming: ShopRow[]) => {
    setRows((previous) => {
      const next = new Map(previous);
      for (const row of incoming) next.set(row.key, gradeRow(row));
      return next;
    });
  }, []);

  const start = useCallback(
    (mode: 'fresh' | 'resume') => {
      port.current?.disconnect();
      const connection = browser.runtime.connect({ name: SHOP_LOAD_PORT_NAME });
      port.current = connection;
      let finished = false;
      setLoad({ status: 'loading', progress: null });
      connection.onMessage.addListener((raw: unknown) => {
        const parsed = ShopLoadServerSchema.safeParse(raw);
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.type === 'page') {
          addRows(message.rows);
          setLoad({ status: 'loading', progress: message.progress });
          return;
        }
        finished = true;
        if (message.type === 'failed') {
          setLoad({
            status: 'failed',
            part: message.part,
            error: message.error,
            progress: message.progress,
          });
        } else {
          setLoad({ status: message.type, progress: message.progress });
        }
        // A complete load dropped listings that are gone from Etsy; the cache has the truth.
        void reloadCache();
      });
      connection.onDisconnect.addListener(() => {
        if (port.current === connection) port.current = null;
        if (!finished) {
          setLoad((state) => ({
            status: 'failed',
            part: 'the rest of the shop',
            error: LOST,
            progress: state.status === 'loading' ? state.progress : null,
          }));
        }
      });
      connection.postMessage({ type: 'start', mode });
    },
    [addRows, reloadCache],
  );

  const cancel = useCallback(() => port.current?.postMessage({ type: 'cancel' }), []);

  /** After a publish: the row shows Etsy's new text and its new score. */
  const updateRow = useCallback((key: string, change: Partial<ShopRow>) => {
    setRows((previous) => {
      const row = previous.get(key);
      if (!row) return previous;
      const next = new Map(previous);
      next.set(key, gradeRow({ ...row, ...change }));
      return next;
    });
  }, []);

  const list = useMemo(() => [...rows.values()], [rows]);
  return { rows: list, byKey: rows, meta, load, start, cancel, reloadCache, updateRow };
}
