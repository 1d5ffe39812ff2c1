import type { Finding, RuleId, ScoreComponent, ScoreLift } from './findings';
import { MAX_TAGS, TAG_MAX_CHARS, TITLE_MAX_CHARS } from './validity';

/** What fixing each rule is worth, and how to say it to a seller. */
const WEIGHTS: Partial<Record<RuleId, { points: number; action: string }>> = {
  T0: { points: 25, action: 'Add a title' },
  T1: { points: 10, action: `Shorten the title to ${TITLE_MAX_CHARS} characters` },
  T2: { points: 10, action: "Remove characters Etsy doesn't allow from the title" },
  T2b: { points: 10, action: 'Use each of % : & + only once in the title' },
  G0: { points: 10, action: `Keep to ${MAX_TAGS} tags` },
  G2: { points: 10, action: `Shorten tags to ${TAG_MAX_CHARS} characters` },
  G3: { points: 10, action: "Remove characters Etsy doesn't allow from tags" },
  G4: { points: 10, action: 'Remove duplicate tags' },
  M1: { points: 10, action: 'Fix materials Etsy would reject' },
  T3: { points: 5, action: 'Cut the title below 15 words' },
  T4: { points: 8, action: 'Start the title with what the item is' },
  T5: { points: 4, action: 'Move opinion words to the description' },
  T6: { points: 4, action: 'Remove repeated words from the title' },
  T7: { points: 4, action: 'Remove price, sale and shipping words from the title' },
  T8: { points: 1, action: 'Write the title as a phrase, not a keyword list' },
  T10: { points: 4, action: 'Use fewer CAPITALS in the title' },
  T11: { points: 12, action: 'Describe the item fully in the title' },
  G5: { points: 4, action: 'Replace tags that repeat another tag' },
  G6: { points: 4, action: 'Turn single-word tags into phrases' },
  G8: { points: 2, action: 'Replace tags that restate your category' },
  G9: { points: 6, action: 'Add tags with searches your title doesn’t cover' },
  G10: { points: 2, action: 'Drop opinion words from tags' },
  G12: { points: 1, action: 'Start every tag with a letter or number' },
  G13: { points: 4, action: 'Remove price, sale and shipping tags' },
  D1: { points: 8, action: "Name the item in the description's first sentence" },
  D2: { points: 7, action: 'Open the description with a sentence, not the title or keywords' },
  D3: { points: 8, action: 'Describe the item in more detail' },
};

const TIP_POINTS = 1;

/**
 * Deducts each rule once (a rule hit ten times is still one fix) and caps at the component's
 * possible points, so the listed lifts always add up to exactly what is missing.
 */
function component(
  id: ScoreComponent['id'],
  label: string,
  possible: number,
  findings: readonly Finding[],
  extra: ScoreLift[] = [],
): ScoreComponent {
  const perRule = new Map<RuleId, number>();
  for (const f of findings) {
    const w = WEIGHTS[f.rule];
    if (!w) continue;
    const points = f.severity === 'tip' ? Math.min(TIP_POINTS, w.points) : w.points;
    perRule.set(f.rule, Math.max(perRule.get(f.rule) ?? 0, points));
  }
  const wanted: ScoreLift[] = [
    ...extra,
    ...[...perRule].map(([rule, points]) => ({ action: WEIGHTS[rule]?.action ?? rule, points })),
  ].sort((a, b) => b.points - a.points);
  let remaining = possible;
  const lifts: ScoreLift[] = [];
  for (const lift of wanted) {
    const points = Math.min(lift.points, remaining);
    if (points <= 0) break;
    remaining -= points;
    lifts.push({ action: lift.action, points });
  }
  return { id, label, earned: remaining, possible, lifts };
}

const VALIDITY_POINTS = 25;
const TITLE_POINTS = 25;
const TAG_COUNT_POINTS = 20;
const TAG_QUALITY_POINTS = 15;
const DESCRIPTION_POINTS = 15;

export function scoreListing(
  findings: readonly Finding[],
  usableTagCount: number,
): { score: number; composition: ScoreComponent[] } {
  const errors = findings.filter((f) => f.severity === 'error');
  const rest = findings.filter((f) => f.severity !== 'error');
  const titleEmpty = findings.some((f) => f.rule === 'T0');
  const descriptionEmpty = findings.some((f) => f.rule === 'D1' && f.span.kind === 'field');

  const tagCount = Math.min(usableTagCount, MAX_TAGS);
  // Etsy's own tag advice is "use all 13": a slot left empty costs its share of the whole tag
  // score, because the quality of tags that aren't there can't be earned either.
  const missingTagPoints = Math.round(
    ((TAG_COUNT_POINTS + TAG_QUALITY_POINTS) * (MAX_TAGS - tagCount)) / MAX_TAGS,
  );
  const tagExtras: ScoreLift[] =
    tagCount === 0
      ? [{ action: `Add ${MAX_TAGS} tags`, points: TAG_COUNT_POINTS + TAG_QUALITY_POINTS }]
      : missingTagPoints > 0
        ? [{ action: `Add ${MAX_TAGS - tagCount} more tags`, points: missingTagPoints }]
        : [];

  const composition = [
    component('validity', "Etsy's hard rules", VALIDITY_POINTS, errors),
    titleEmpty
      ? component(
          'title',
          'Title',
          TITLE_POINTS,
          [],
          [{ action: 'Write a title that names the item', points: TITLE_POINTS }],
        )
      : component(
          'title',
          'Title',
          TITLE_POINTS,
          rest.filter((f) => f.field === 'title'),
        ),
    component(
      'tags',
      'Tags',
      TAG_COUNT_POINTS + TAG_QUALITY_POINTS,
      rest.filter((f) => f.field === 'tags' && f.rule !== 'G1'),
      tagExtras,
    ),
    descriptionEmpty
      ? component(
          'description',
          'Description',
          DESCRIPTION_POINTS,
          [],
          [{ action: 'Write a description', points: DESCRIPTION_POINTS }],
        )
      : component(
          'description',
          'Description',
          DESCRIPTION_POINTS,
          rest.filter((f) => f.field === 'description'),
        ),
  ];
  return { score: composition.reduce((sum, c) => sum + c.earned, 0), composition };
}
