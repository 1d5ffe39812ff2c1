import type { EtsyClient } from '@/lib/etsy/client';
import { userErrorFromEtsy } from '@/lib/etsy/errors';
import type { UserError } from '@/lib/messaging/errors';
import type { PortLike } from '@/lib/llm/serve-port';
import {
  dropRowsNotFrom,
  putRows,
  readAuditMeta,
  writeAuditMeta,
  type ApiAuditMeta,
} from './cache';
import { describePage, freshPlan, planTotal, runLoad } from './load';
import {
  ShopLoadClientSchema,
  type ShopLoadProgress,
  type ShopLoadServerMessage,
} from './load-protocol';
import { rowFromEtsy } from './rows';

export interface ShopLoadDeps {
  client: Pick<EtsyClient, 'getListingsPage' | 'limiter'>;
  /** The connected shop's id, or an error the page can show (not connected). */
  shopId(): Promise<number | UserError>;
  now(): number;
}

/**
 * Serves one load on one port: pages go to the cache (IndexedDB) and to the page as they
 * arrive, with the plan saved after each, so a worker stopped mid-load can be carried on
 * from the last page that arrived. A failed page keeps everything loaded before it.
 */
export function serveShopLoad(port: PortLike, deps: ShopLoadDeps): void {
  const controller = new AbortController();
  let connected = true;
  let started = false;
  const post = (message: ShopLoadServerMessage) => {
    if (connected) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    connected = false;
    controller.abort();
  });
  port.onMessage.addListener((raw) => {
    const parsed = ShopLoadClientSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === 'cancel') {
      controller.abort();
      return;
    }
    if (started) return;
    started = true;
    void load(parsed.data.mode, deps, controller.signal, post).finally(() => {
      if (!connected) return;
      connected = false;
      port.disconnect();
    });
  });
}

async function load(
  mode: 'fresh' | 'resume',
  deps: ShopLoadDeps,
  signal: AbortSignal,
  post: (message: ShopLoadServerMessage) => void,
): Promise<void> {
  let callsThisRun = 0;
  const countCall = () => void callsThisRun++;
  const previous = await readAuditMeta();
  const resumable = mode === 'resume' && previous?.source === 'api' && previous.loadedAt === null;
  let meta: ApiAuditMeta = resumable
    ? previous
    : {
        source: 'api',
        loadId: `api-${deps.now()}`,
        startedAt: deps.now(),
        loadedAt: null,
        plan: freshPlan(),
        callsUsed: 0,
        failure: null,
      };
  const callsBefore = meta.callsUsed;
  const progress = (): ShopLoadProgress => ({
    loaded: meta.plan.loaded,
    total: planTotal(meta.plan),
    callsUsed: callsBefore + callsThisRun,
    remainingToday: deps.client.limiter.remainingToday,
    limitPerDay: deps.client.limiter.limitPerDay,
  });
  const shopId = await deps.shopId();
  if (typeof shopId !== 'number') {
    post({ type: 'failed', part: 'the shop', error: shopId, progress: progress() });
    return;
  }
  await writeAuditMeta(meta);
  const outcome = await runLoad(meta.plan, {
    signal,
    fetchPage: (page) => deps.client.getListingsPage(shopId, page.state, page.offset, countCall),
    onPage: async (_page, result, plan) => {
      const rows = result.results.map(rowFromEtsy);
      meta = { ...meta, plan, failure: null, callsUsed: progress().callsUsed };
      await putRows(meta.loadId, rows);
      await writeAuditMeta(meta);
      post({ type: 'page', rows, progress: progress() });
    },
  });
  meta = { ...meta, callsUsed: progress().callsUsed };
  if (outcome.status === 'done') {
    meta = { ...meta, loadedAt: deps.now() };
    await writeAuditMeta(meta);
    await dropRowsNotFrom(meta.loadId);
    post({ type: 'done', loadedAt: meta.loadedAt!, progress: progress() });
  } else if (outcome.status === 'failed') {
    const error = userErrorFromEtsy(outcome.error);
    meta = { ...meta, failure: { page: outcome.page, message: error.message } };
    await writeAuditMeta(meta);
    post({ type: 'failed', part: describePage(outcome.page), error, progress: progress() });
  } else {
    await writeAuditMeta(meta);
    post({ type: 'cancelled', progress: progress() });
  }
}
