import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AuditRow, SortColumn, SortOrder } from '@/lib/shop/audit';

const ROW_HEIGHT = 56;

const COLUMNS: { id: SortColumn | 'thumbnail'; label: string }[] = [
  { id: 'thumbnail', label: 'Photo' },
  { id: 'title', label: 'Title' },
  { id: 'state', label: 'State' },
  { id: 'score', label: 'Score' },
  { id: 'topFinding', label: 'Top finding' },
  { id: 'tags', label: 'Tags' },
  { id: 'favourites', label: 'Favourites' },
  { id: 'updatedAt', label: 'Last updated' },
];

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function scoreTone(score: number): string {
  if (score >= 80) return 'good';
  if (score >= 55) return 'fair';
  return 'poor';
}

/**
 * The audit, one row per listing, virtualised: only the rows in view are in the DOM, so
 * 10,000 listings scroll like 20. Headers sort; a row's checkbox selects it for bulk work.
 */
export function AuditTable({
  rows,
  totalRows,
  order,
  onSort,
  chosenKey,
  onChoose,
  selected,
  onToggle,
}: {
  rows: AuditRow[];
  totalRows: number;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  chosenKey: string | null;
  onChoose: (row: AuditRow) => void;
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state; this component isn't compiler-memoised
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <div className="audit" role="table" aria-label="Listings" aria-rowcount={rows.length + 1}>
      <div className="audit__head" role="rowgroup">
        <div className="audit__row audit__row--head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="audit__cell audit__cell--select">
            <span className="visually-hidden">Select</span>
          </span>
          {COLUMNS.map((column) =>
            column.id === 'thumbnail' ? (
              <span
                key={column.id}
                role="columnheader"
                className="audit__cell audit__cell--thumbnail"
              >
                <span className="visually-hidden">{column.label}</span>
              </span>
            ) : (
              <span
                key={column.id}
                role="columnheader"
                className={`audit__cell audit__cell--${column.id}`}
                aria-sort={
                  order.column === column.id
                    ? order.direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : 'none'
                }
              >
                <button
                  type="button"
                  className="audit__sort"
                  onClick={() => onSort(column.id as SortColumn)}
                >
                  {column.label}
                  {order.column === column.id ? (order.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </span>
            ),
          )}
        </div>
      </div>
      <div ref={scroller} className="audit__body" role="rowgroup" data-testid="audit-scroller">
        {rows.length === 0 && (
          <p className="audit__empty muted" data-testid="audit-empty">
            {totalRows === 0 ? 'No listings yet.' : 'No listings match these filters.'}
          </p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const chosen = row.key === chosenKey;
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={chosen}
                data-testid="audit-row"
                data-key={row.key}
                className={`audit__row${chosen ? ' audit__row--chosen' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onChoose(row)}
              >
                <span role="cell" className="audit__cell audit__cell--select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title || 'untitled listing'}`}
                    checked={selected.has(row.key)}
                    onClick={(event) => event.stopPropagation()}
                    onChange={() => onToggle(row.key)}
                  />
                </span>
                <span role="cell" className="audit__cell audit__cell--thumbnail">
                  {row.thumbnailUrl ? (
                    <img src={row.thumbnailUrl} alt="" width={40} height={40} loading="lazy" />
                  ) : (
                    <span className="audit__no-photo" aria-hidden="true" />
                  )}
                </span>
                <span role="cell" className="audit__cell audit__cell--title">
                  <button
                    type="button"
                    className="link audit__title"
                    data-testid="audit-title"
                    onClick={(event) => {
                      event.stopPropagation();
                      onChoose(row);
                    }}
                  >
                    {row.title || 'Untitled listing'}
                  </button>
                </span>
                <span
                  role="cell"
                  className="audit__cell audit__cell--state"
                  data-testid="audit-state"
                >
                  {row.state.replace('_', ' ')}
                </span>
                <span role="cell" className="audit__cell audit__cell--score">
                  <span
                    className={`badge badge--${scoreTone(row.score)}`}
                    data-testid="audit-score"
                  >
                    {row.score}
                  </span>
                </span>
                <span
                  role="cell"
                  className="audit__cell audit__cell--topFinding"
                  title={row.topFinding ?? ''}
                >
                  {row.topFinding ?? <span className="muted">Nothing to fix</span>}
                </span>
                <span
                  role="cell"
                  className="audit__cell audit__cell--tags"
                  data-testid="audit-tags"
                >
                  {row.tags.length}
                </span>
                <span role="cell" className="audit__cell audit__cell--favourites">
                  {row.favourites ?? '–'}
                </span>
                <span role="cell" className="audit__cell audit__cell--updatedAt">
                  {row.updatedAt === null ? '–' : DATE.format(row.updatedAt)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
