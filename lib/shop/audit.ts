import Papa from 'papaparse';
import { checkListing, type RuleId, type Severity } from '@/lib/seo';
import { listingUrl, type ShopRow } from './rows';

interface AuditFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
}

/** A row with its grade: the same checker as the panel, on the same fields. */
export interface AuditRow extends ShopRow {
  score: number;
  findings: AuditFinding[];
  /** The most important finding's message, or null for a listing with none. */
  topFinding: string | null;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, tip: 2 };

export function gradeRow(row: ShopRow): AuditRow {
  const result = checkListing({
    title: row.title,
    description: row.description,
    tags: row.tags,
    materials: row.materials,
    categoryPath: [],
  });
  const findings = result.findings
    .map(({ rule, severity, message }) => ({ rule, severity, message }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { ...row, score: result.score, findings, topFinding: findings[0]?.message ?? null };
}

export type SortColumn =
  'title' | 'state' | 'score' | 'topFinding' | 'tags' | 'favourites' | 'updatedAt';
export interface SortOrder {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

const SORT_VALUE: Record<SortColumn, (row: AuditRow) => string | number | null> = {
  title: (row) => row.title.toLowerCase(),
  state: (row) => row.state,
  score: (row) => row.score,
  topFinding: (row) => row.topFinding,
  tags: (row) => row.tags.length,
  favourites: (row) => row.favourites,
  updatedAt: (row) => row.updatedAt,
};

/** Unknown values (no date in a CSV) sort last either way; ties keep a stable order by key. */
export function sortRows(rows: readonly AuditRow[], order: SortOrder): AuditRow[] {
  const value = SORT_VALUE[order.column];
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.key.localeCompare(b.key) : x === null ? 1 : -1;
    const compared = typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string);
    return compared !== 0 ? sign * compared : a.key.localeCompare(b.key);
  });
}

export interface AuditFilter {
  /** Empty: every state. */
  states: string[];
  minScore: number;
  maxScore: number;
  /** A rule id the row must have a finding for; null: any. */
  rule: RuleId | null;
  text: string;
}

export const NO_FILTER: AuditFilter = {
  states: [],
  minScore: 0,
  maxScore: 100,
  rule: null,
  text: '',
};

export function filterRows(rows: readonly AuditRow[], filter: AuditFilter): AuditRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.states.length === 0 || filter.states.includes(row.state)) &&
      row.score >= filter.minScore &&
      row.score <= filter.maxScore &&
      (filter.rule === null || row.findings.some((finding) => finding.rule === filter.rule)) &&
      (needle === '' ||
        row.title.toLowerCase().includes(needle) ||
        row.tags.some((tag) => tag.toLowerCase().includes(needle)) ||
        String(row.listingId ?? '').includes(needle)),
  );
}

/** The rules that occur in `rows`, most frequent first, with one message each: the finding filter's choices. */
export function rulesIn(
  rows: readonly AuditRow[],
): { rule: RuleId; message: string; count: number }[] {
  const byRule = new Map<RuleId, { rule: RuleId; message: string; count: number }>();
  for (const row of rows) {
    for (const rule of new Set(row.findings.map((finding) => finding.rule))) {
      const entry = byRule.get(rule);
      if (entry) entry.count++;
      else {
        const message = row.findings.find((finding) => finding.rule === rule)!.message;
        byRule.set(rule, { rule, message, count: 1 });
      }
    }
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count);
}

/**
 * The audit as CSV: listing id, URL, title, state, score, findings, tags. Cells a
 * spreadsheet would run as a formula are escaped.
 */
export function auditCsv(rows: readonly AuditRow[]): string {
  return Papa.unparse(
    {
      fields: ['listing_id', 'url', 'title', 'state', 'score', 'findings', 'tags'],
      data: rows.map((row) => [
        row.listingId ?? '',
        listingUrl(row) ?? '',
        row.title,
        row.state,
        row.score,
        row.findings.map((finding) => finding.message).join('; '),
        row.tags.join(', '),
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
