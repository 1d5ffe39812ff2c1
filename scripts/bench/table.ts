/** One line of `npm run bench`; every benchmark module returns these so the table stays generic. */
export type BenchRow = { measure: string; value: string; target?: string; ok?: boolean };

const STATUS = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'ok' : 'MISSED');

/** Renders rows as aligned `measure: value  target  status` lines (greppable as "measure: value"). */
function formatTable(rows: readonly BenchRow[]): string {
  const head = rows.map((r) => `${r.measure}: ${r.value}`);
  const headWidth = Math.max(0, ...head.map((h) => h.length));
  const targets = rows.map((r) => (r.target ? `target ${r.target}` : ''));
  const targetWidth = Math.max(0, ...targets.map((t) => t.length));
  return rows
    .map((r, i) =>
      [head[i]?.padEnd(headWidth), targets[i]?.padEnd(targetWidth), STATUS(r.ok)]
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function printTable(rows: readonly BenchRow[]): void {
  console.log(formatTable(rows));
}

/** "85,000" style, so large rates read at a glance. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
