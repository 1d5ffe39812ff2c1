import { useState, type DragEvent } from 'react';
import { replaceWithCsv, type AuditMeta } from '@/lib/shop/cache';
import { checkCsvFile, parseListingsCsv } from '@/lib/shop/csv-import';

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; name: string }
  | {
      status: 'imported';
      name: string;
      count: number;
      found: string[];
      missing: string[];
      skipped: number;
    }
  | { status: 'refused'; message: string };

async function importFile(file: File): Promise<ImportState> {
  const refused = checkCsvFile(file);
  if (refused) return { status: 'refused', message: refused };
  const result = parseListingsCsv(await file.text(), file.name);
  if (!result.ok) return { status: 'refused', message: result.message };
  await replaceWithCsv(
    {
      source: 'csv',
      loadId: `csv-${Date.now()}`,
      fileName: file.name,
      loadedAt: Date.now(),
      found: result.found,
      missing: result.missing,
    },
    result.rows,
  );
  return {
    status: 'imported',
    name: file.name,
    count: result.rows.length,
    found: result.found,
    missing: result.missing,
    skipped: result.skipped,
  };
}

/**
 * The way in without an Etsy app: the listings CSV Etsy's Shop Manager downloads, dropped
 * or picked. A file that can't be read says why and leaves the cached audit as it was.
 */
export function CsvImport({
  onImported,
  connected,
  meta,
}: {
  onImported: () => void;
  connected: boolean;
  meta: AuditMeta | null;
}) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    setState({ status: 'reading', name: file.name });
    const next = await importFile(file).catch((error: unknown): ImportState => ({
      status: 'refused',
      message: `Couldn’t read “${file.name}”: ${error instanceof Error ? error.message : String(error)}`,
    }));
    setState(next);
    if (next.status === 'imported') onImported();
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };
  const shownColumns =
    state.status === 'imported'
      ? state
      : meta?.source === 'csv'
        ? { found: meta.found, missing: meta.missing }
        : null;

  return (
    <section
      className={`csv-import${over ? ' csv-import--over' : ''}`}
      aria-labelledby="csv-import-title"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="csv-import"
    >
      <h2 id="csv-import-title" className="card__title">
        {connected ? 'Or import a listings file' : 'Import your listings file'}
      </h2>
      <p className="muted">
        In Shop Manager: Settings → Options → Download data → Download CSV. Drop the file here or{' '}
        <label className="link">
          choose it
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            data-testid="csv-file"
            onChange={(event) => {
              void take(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        .
      </p>
      {state.status === 'reading' && <p role="status">Reading {state.name}…</p>}
      {state.status === 'refused' && (
        <div className="error-box" role="alert" data-testid="csv-error">
          <p>{state.message}</p>
          <p className="muted">Your audit is unchanged.</p>
        </div>
      )}
      {state.status === 'imported' && (
        <p role="status" data-testid="csv-imported">
          Imported {state.count} listing{state.count === 1 ? '' : 's'} from {state.name}.
          {state.skipped > 0
            ? ` ${state.skipped} line${state.skipped === 1 ? '' : 's'} without a title left out.`
            : ''}
        </p>
      )}
      {shownColumns && (
        <p className="muted" data-testid="csv-columns">
          Columns found: {shownColumns.found.join(', ') || 'none'}.
          {shownColumns.missing.length > 0 &&
            ` Not in this file: ${shownColumns.missing.join(', ')}.`}
          {!connected &&
            ' Publishing needs the Etsy API connection; use Copy, or Fill in Etsy’s editor.'}
        </p>
      )}
    </section>
  );
}
