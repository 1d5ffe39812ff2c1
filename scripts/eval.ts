/**
 * `npm run eval`: the graded corpus (tests/eval/corpus.ts) through the checker, the offline
 * engine and scripted model answers (good, sloppy, harmful), each through the real pipeline —
 * repair, guardrails, the review's default choices — as if the seller kept every default.
 * Prints one table and exits non-zero when a goal is missed.
 */
import { CORPUS } from '../tests/eval/corpus';
import {
  appliedDefaults,
  appliedEverything,
  ENGINES,
  hardErrors,
  isUsefulTag,
  languageChanged,
  lostFacts,
  removedSellerTags,
  scoreOf,
  suggestionFor,
} from '../tests/eval/measure';
import { MAX_TAGS, tagIdentity } from '../lib/seo';

interface Row {
  measure: string;
  value: string;
  goal: string;
  ok: boolean;
}

const rows: Row[] = [];
const problems: string[] = [];

for (const engine of ENGINES) {
  let removed = 0;
  let lost = 0;
  let language = 0;
  let errors = 0;
  let refused = 0;
  let lostIfAccepted = 0;
  let languageIfAccepted = 0;
  let errorsIfAccepted = 0;
  for (const entry of CORPUS) {
    const suggestion = suggestionFor(entry, engine);
    if (!suggestion) {
      refused++;
      continue;
    }
    const applied = appliedDefaults(entry.listing, suggestion);
    const everything = appliedEverything(entry.listing, suggestion);
    const lostAll = lostFacts(entry, everything);
    lostIfAccepted += lostAll.length;
    languageIfAccepted += languageChanged(entry, everything) ? 1 : 0;
    errorsIfAccepted += hardErrors(everything).length;
    if (lostAll.length) {
      problems.push(
        `${engine} ${entry.id}: accepting all loses ${lostAll.join(', ')} → "${everything.title}"`,
      );
    }
    if (languageChanged(entry, everything)) {
      problems.push(
        `${engine} ${entry.id}: accepting all changes language → ${JSON.stringify(everything)}`,
      );
    }
    const r = removedSellerTags(entry.listing, applied);
    const f = lostFacts(entry, applied);
    const l = languageChanged(entry, applied);
    const e = hardErrors(applied);
    removed += r.length;
    lost += f.length;
    language += l ? 1 : 0;
    errors += e.length;
    if (r.length) problems.push(`${engine} ${entry.id}: removed ${r.join(', ')}`);
    if (f.length) problems.push(`${engine} ${entry.id}: lost ${f.join(', ')} → "${applied.title}"`);
    if (l) problems.push(`${engine} ${entry.id}: language changed → ${JSON.stringify(applied)}`);
    if (e.length) problems.push(`${engine} ${entry.id}: ${e.join('; ')}`);
  }
  const refusedNote = refused ? ` (${refused} answers refused whole)` : '';
  rows.push(
    {
      measure: `${engine}: seller tags removed by default`,
      value: `${removed}`,
      goal: '0',
      ok: removed === 0,
    },
    { measure: `${engine}: facts lost`, value: `${lost}${refusedNote}`, goal: '0', ok: lost === 0 },
    { measure: `${engine}: language changed`, value: `${language}`, goal: '0', ok: language === 0 },
    {
      measure: `${engine}: hard-rule errors left`,
      value: `${errors}`,
      goal: '0',
      ok: errors === 0,
    },
    {
      measure: `${engine}: if every offer is ticked: facts lost, language changed, hard errors`,
      value: `${lostIfAccepted}, ${languageIfAccepted}, ${errorsIfAccepted}`,
      goal: '0, 0, 0',
      ok: lostIfAccepted + languageIfAccepted + errorsIfAccepted === 0,
    },
  );
}

const scores = CORPUS.map((entry) => ({ entry, score: scoreOf(entry) }));
const strong = scores.filter((s) => s.entry.tier === 'strong');
const weak = scores.filter((s) => s.entry.tier === 'weak');
const fair = scores.filter((s) => s.entry.tier === 'fair');
const lowestStrong = Math.min(...strong.map((s) => s.score));
const highestWeak = Math.max(...weak.map((s) => s.score));
const separation = lowestStrong - highestWeak;
const range = (list: typeof scores): string =>
  `${Math.min(...list.map((s) => s.score))}–${Math.max(...list.map((s) => s.score))}`;
rows.push({
  measure: 'score separation (lowest strong − highest weak)',
  value: `${separation} (strong ${range(strong)}, fair ${range(fair)}, weak ${range(weak)})`,
  goal: '≥ 15',
  ok: separation >= 15,
});

const withRoom = CORPUS.filter(
  (entry) => new Set(entry.listing.tags.map(tagIdentity)).size < MAX_TAGS,
);
let helped = 0;
let added = 0;
let useful = 0;
for (const entry of withRoom) {
  const suggestion = suggestionFor(entry, 'offline');
  if (!suggestion) continue;
  const before = new Set(entry.listing.tags.map(tagIdentity));
  const newTags = appliedDefaults(entry.listing, suggestion).tags.filter(
    (t) => !before.has(tagIdentity(t)),
  );
  const good = newTags.filter((t) => isUsefulTag(t, entry));
  added += newTags.length;
  useful += good.length;
  if (good.length > 0) helped++;
  const bad = newTags.filter((t) => !isUsefulTag(t, entry));
  if (bad.length) problems.push(`offline ${entry.id}: not useful: ${bad.join(', ')}`);
}
rows.push({
  measure: 'offline: listings with empty tag slots that got useful tags',
  value: `${helped} of ${withRoom.length} (${useful} of ${added} added tags useful)`,
  goal: '≥ half; ≥ 80% of added useful',
  ok: helped * 2 >= withRoom.length && useful >= added * 0.8,
});

const width = (k: keyof Row): number => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const line = (r: Record<string, string>): string =>
  `${r.measure!.padEnd(width('measure'))}  ${r.value!.padEnd(width('value'))}  ${r.goal!.padEnd(width('goal'))}  ${r.ok}`;
console.log(`Eval: ${CORPUS.length} listings × ${ENGINES.length} engines`);
console.log(line({ measure: 'measure', value: 'value', goal: 'goal', ok: 'ok' }));
for (const r of rows) {
  console.log(
    line({ measure: r.measure, value: r.value, goal: r.goal, ok: r.ok ? 'ok' : 'MISSED' }),
  );
}
if (process.argv.includes('--verbose') || rows.some((r) => !r.ok)) {
  console.log('\nDetails:');
  for (const p of problems) console.log(`- ${p}`);
  console.log('\nScores:');
  for (const s of scores) console.log(`  ${s.score}  ${s.entry.tier.padEnd(6)} ${s.entry.id}`);
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
