/** The checker's output vocabulary, shared by the UI and the score. */

export type Severity = 'error' | 'warning' | 'tip';
export type Field = 'title' | 'tags' | 'description' | 'materials';
/**
 * Where a rule comes from. `etsy-api-observed` is for limits Etsy enforces but does not document
 * in the spec (the 140-character title, duplicate tags), so the UI can say so honestly.
 */
export type RuleSource =
  'etsy-api-spec' | 'etsy-api-observed' | 'etsy-handbook' | 'etsy-help' | 'heuristic';

export type RuleId =
  | 'T0'
  | 'T1'
  | 'T2'
  | 'T2b'
  | 'T3'
  | 'T4'
  | 'T5'
  | 'T6'
  | 'T7'
  | 'T8'
  | 'T10'
  | 'T11'
  | 'G0'
  | 'G1'
  | 'G2'
  | 'G3'
  | 'G4'
  | 'G5'
  | 'G6'
  | 'G8'
  | 'G9'
  | 'G10'
  | 'G12'
  | 'G13'
  | 'D1'
  | 'D2'
  | 'D3'
  | 'M1';

/**
 * What a finding points at: a code-unit range of the NFC title/description, one tag or material
 * by position, or the field as a whole (e.g. "only 9 tags").
 */
export type FindingSpan =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'item'; index: number; value: string }
  | { kind: 'field' };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  field: Field;
  message: string;
  span: FindingSpan;
  source: RuleSource;
  sourceLabel: string;
}

export interface ScoreLift {
  /** Seller-facing action, e.g. "Add 4 more tags". */
  action: string;
  points: number;
}

export interface ScoreComponent {
  id: 'validity' | 'title' | 'tags' | 'description';
  label: string;
  earned: number;
  possible: number;
  lifts: ScoreLift[];
}

export interface CheckResult {
  findings: Finding[];
  /** 0–100: the sum of `composition[].earned`, scaled to 100 when a field couldn't be read. */
  score: number;
  composition: ScoreComponent[];
  /** The NFC text that `text` spans index into. */
  normalized: { title: string; description: string };
}
