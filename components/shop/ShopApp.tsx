import { browser } from '#imports';
import { useEffect, useMemo, useState } from 'react';
import { askEtsyConnection } from '@/components/popup/early';
import { useEtsyConnection } from '@/components/popup/useEtsyConnection';
import {
  auditCsv,
  filterRows,
  NO_FILTER,
  rulesIn,
  sortRows,
  type AuditFilter,
  type SortOrder,
} from '@/lib/shop/audit';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { BatchView } from './BatchView';
import { lowestScores } from '@/lib/shop/batch';
import { useBatch } from './useBatch';
import { CsvImport } from './CsvImport';
import { ListingDetail } from './ListingDetail';
import { LoadStatus } from './LoadStatus';
import { useHashRoute } from './useHashRoute';
import { useShopAudit } from './useShopAudit';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function NotFound({ path }: { path: string }) {
  return (
    <main className="page page--shop">
      <section className="card" data-testid="not-found">
        <h1>Page not found</h1>
        <p>There is no page at “{path}” in the shop audit.</p>
        <a href="#/">Back to all listings</a>
      </section>
    </main>
  );
}

function ConnectPrompt({
  state,
  onConnect,
  busy,
}: {
  state: string;
  onConnect: () => void;
  busy: boolean;
}) {
  return (
    <section className="card" data-testid="connect-prompt">
      <h2 className="card__title">Connect your shop to see every listing</h2>
      <p>
        The shop audit loads your listings through Etsy’s API, grades each one and lets you fix the
        worst first.
      </p>
      {state === 'not_configured' ? (
        <p>
          First set up your Etsy app in{' '}
          <a href={browser.runtime.getURL('/options.html')}>Settings</a>, then connect.
        </p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onConnect}
        >
          Connect to Etsy
        </button>
      )}
      <p className="muted">
        No Etsy app? Import the listings file Etsy lets you download instead (below).
      </p>
    </section>
  );
}

/** Every listing of the shop, graded, on one page; the chosen one fixed on the right. */
export function ShopApp() {
  const [route, navigate] = useHashRoute();
  const [storedConnection] = useState(askEtsyConnection);
  const etsy = useEtsyConnection(storedConnection);
  const audit = useShopAudit();
  const [order, setOrder] = useState<SortOrder>({ column: 'score', direction: 'asc' });
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const connected = etsy.connection?.state === 'connected';
  const bulk = useBatch(audit.updateRow);
  const { load, meta, start } = audit;

  // First visit with a connection: load at once. Later visits show the cache and offer Refresh.
  useEffect(() => {
    if (connected && load.status === 'idle' && meta === null) start('fresh');
  }, [connected, load.status, meta, start]);

  const rules = useMemo(() => rulesIn(audit.rows), [audit.rows]);
  const shown = useMemo(
    () => sortRows(filterRows(audit.rows, filter), order),
    [audit.rows, filter, order],
  );

  if (route.page === 'not-found') return <NotFound path={route.path} />;
  const chosen = route.listingKey === null ? null : (audit.byKey.get(route.listingKey) ?? null);
  const sort = (column: SortOrder['column']) =>
    setOrder((now) => ({
      column,
      direction: now.column === column && now.direction === 'asc' ? 'desc' : 'asc',
    }));
  const toggle = (key: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <main className="page page--shop">
      <header className="shop-header">
        <h1>
          Shop audit
          {connected && etsy.connection?.state === 'connected'
            ? `: ${etsy.connection.shop.name}`
            : ''}
        </h1>
        {etsy.connection && (
          <LoadStatus
            load={load}
            meta={meta}
            connected={connected}
            onStart={start}
            onCancel={audit.cancel}
          />
        )}
      </header>
      {etsy.connection &&
        !connected &&
        etsy.connection.state !== 'connecting' &&
        audit.rows.length === 0 && (
          <ConnectPrompt state={etsy.connection.state} onConnect={etsy.connect} busy={etsy.busy} />
        )}
      <CsvImport onImported={() => void audit.reloadCache()} connected={connected} meta={meta} />
      <div className="toolbar">
        <AuditFilters filter={filter} onFilter={setFilter} rules={rules} />
        <span className="muted" data-testid="shown-count">
          {shown.length === audit.rows.length
            ? `${audit.rows.length} listings`
            : `${shown.length} of ${audit.rows.length} listings`}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={shown.length === 0}
          onClick={() => download('etsy-shop-audit.csv', auditCsv(shown))}
        >
          Export CSV
        </button>
      </div>
      {connected && !bulk.batch && (
        <div className="toolbar bulk-bar" data-testid="bulk-bar">
          <span data-testid="selected-count">{selected.size} selected</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => setSelected(new Set(lowestScores(shown, 20)))}
          >
            Select the 20 lowest scores
          </button>
          {selected.size > 0 && (
            <button type="button" className="link" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          )}
          <button
            type="button"
            className="button button--small button--primary"
            disabled={selected.size === 0}
            onClick={() => {
              void bulk.start(audit.rows.filter((row) => selected.has(row.key)));
              setSelected(new Set());
            }}
          >
            Suggest for selected
          </button>
        </div>
      )}
      <div className="shop-body">
        <AuditTable
          rows={shown}
          totalRows={audit.rows.length}
          order={order}
          onSort={sort}
          chosenKey={chosen?.key ?? null}
          onChoose={(row) => navigate(`#/listing/${encodeURIComponent(row.key)}`)}
          selected={selected}
          onToggle={toggle}
        />
        <aside className="shop-detail" aria-label="Chosen listing">
          {bulk.batch ? (
            <BatchView bulk={bulk} />
          ) : chosen ? (
            <ListingDetail
              key={chosen.key}
              row={chosen}
              canPublish={
                connected && etsy.connection?.state === 'connected' && etsy.connection.canWrite
              }
              onPublished={(change) => audit.updateRow(chosen.key, change)}
            />
          ) : (
            <p className="muted">Choose a listing to see its grade and fix it.</p>
          )}
        </aside>
      </div>
    </main>
  );
}
