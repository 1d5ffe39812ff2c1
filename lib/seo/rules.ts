import type { Field, Finding, FindingSpan, RuleId, RuleSource, Severity } from './findings';

interface RuleInfo {
  field: Field;
  severity: Severity;
  source: RuleSource;
  sourceLabel: string;
}

const SPEC = 'Etsy Open API spec (updateListing)';
const OBSERVED = 'Etsy API error message (enforced, but not in the API spec)';
const TITLE_GUIDANCE =
  'Etsy Seller Handbook, "New Guidance for Listing Titles" (quoted by third parties)';
const SEARCH_WORKS = 'Etsy Seller Handbook, "How Etsy Search Works" (2022)';
const KEYWORDS_101 = 'Etsy Seller Handbook, "Keywords 101" (paraphrased by third parties)';
const TAGS_HELP = 'Etsy Help, "How to Use Tags to Get Found in Search"';
const OURS = 'Copilot heuristic (not an Etsy rule)';

/** Ids follow docs/etsy-seo-rules.md so findings can be traced back to their evidence. */
const RULES: Record<RuleId, RuleInfo> = {
  T0: { field: 'title', severity: 'error', source: 'etsy-api-spec', sourceLabel: SPEC },
  T1: { field: 'title', severity: 'error', source: 'etsy-api-observed', sourceLabel: OBSERVED },
  T2: { field: 'title', severity: 'error', source: 'etsy-api-spec', sourceLabel: SPEC },
  T2b: { field: 'title', severity: 'error', source: 'etsy-api-spec', sourceLabel: SPEC },
  T3: { field: 'title', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  T4: { field: 'title', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  T5: { field: 'title', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  T6: { field: 'title', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  T7: { field: 'title', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  T8: { field: 'title', severity: 'tip', source: 'heuristic', sourceLabel: OURS },
  T10: { field: 'title', severity: 'tip', source: 'heuristic', sourceLabel: OURS },
  T11: {
    field: 'title',
    severity: 'warning',
    source: 'etsy-handbook',
    sourceLabel: TITLE_GUIDANCE,
  },
  G0: { field: 'tags', severity: 'error', source: 'etsy-handbook', sourceLabel: SEARCH_WORKS },
  G1: { field: 'tags', severity: 'warning', source: 'etsy-handbook', sourceLabel: SEARCH_WORKS },
  G2: { field: 'tags', severity: 'error', source: 'etsy-help', sourceLabel: TAGS_HELP },
  G3: { field: 'tags', severity: 'error', source: 'etsy-api-spec', sourceLabel: SPEC },
  G4: { field: 'tags', severity: 'error', source: 'etsy-api-observed', sourceLabel: OBSERVED },
  G5: { field: 'tags', severity: 'warning', source: 'etsy-handbook', sourceLabel: KEYWORDS_101 },
  G6: { field: 'tags', severity: 'warning', source: 'etsy-handbook', sourceLabel: KEYWORDS_101 },
  G8: { field: 'tags', severity: 'tip', source: 'etsy-handbook', sourceLabel: KEYWORDS_101 },
  G9: { field: 'tags', severity: 'warning', source: 'etsy-handbook', sourceLabel: SEARCH_WORKS },
  G10: { field: 'tags', severity: 'warning', source: 'heuristic', sourceLabel: OURS },
  G12: { field: 'tags', severity: 'tip', source: 'heuristic', sourceLabel: OURS },
  G13: { field: 'tags', severity: 'warning', source: 'etsy-handbook', sourceLabel: TITLE_GUIDANCE },
  D1: {
    field: 'description',
    severity: 'warning',
    source: 'etsy-handbook',
    sourceLabel: SEARCH_WORKS,
  },
  D2: { field: 'description', severity: 'warning', source: 'heuristic', sourceLabel: OURS },
  D3: {
    field: 'description',
    severity: 'warning',
    source: 'etsy-handbook',
    sourceLabel: KEYWORDS_101,
  },
  M1: { field: 'materials', severity: 'error', source: 'etsy-api-spec', sourceLabel: SPEC },
};

export function finding(
  rule: RuleId,
  message: string,
  span: FindingSpan,
  severity: Severity = RULES[rule].severity,
): Finding {
  const { field, source, sourceLabel } = RULES[rule];
  return { rule, severity, field, message, span, source, sourceLabel };
}

export const textSpan = (start: number, end: number): FindingSpan => ({ kind: 'text', start, end });
export const itemSpan = (index: number, value: string): FindingSpan => ({
  kind: 'item',
  index,
  value,
});
export const FIELD_SPAN: FindingSpan = { kind: 'field' };
