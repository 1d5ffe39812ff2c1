/**
 * `npm test`: every stage in order, each one run even when an earlier one failed, so one
 * broken stage can't hide the others. A stage that needs a failed one (the E2E tests need
 * the build) is recorded as not run, with the reason. The record, test-results/stages.json,
 * is what .ci/count-tests.mjs turns into the last line: "tests: N passed, N failed".
 *
 * `npm test -- --fresh-clone` (what .ci/run does) adds the fresh-clone proof.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS = 'test-results';

interface Stage {
  name: string;
  /** What it runs; an `npm run` script missing from package.json fails the stage. */
  command: string[];
  needs?: string[];
  /** The JSON report the counter reads (written by the configs). */
  report?: { file: string; format: 'vitest' | 'playwright' };
}

interface StageRecord {
  name: string;
  status: 'passed' | 'failed' | 'not-run';
  exitCode: number | null;
  reason?: string;
  report?: Stage['report'];
}

const STAGES: Stage[] = [
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  {
    name: 'unit',
    command: ['npm', 'run', 'test:unit'],
    report: { file: 'unit.json', format: 'vitest' },
  },
  { name: 'eval', command: ['npm', 'run', 'eval'] },
  { name: 'build', command: ['npm', 'run', 'build'] },
  {
    name: 'e2e',
    command: ['npx', 'playwright', 'test'],
    needs: ['build'],
    report: { file: 'e2e.json', format: 'playwright' },
  },
  {
    name: 'firefox',
    command: ['npm', 'run', 'test:firefox'],
    needs: ['build'],
    report: { file: 'firefox.json', format: 'vitest' },
  },
];

const FRESH_CLONE: Stage = {
  name: 'fresh-clone',
  command: ['npx', 'tsx', 'scripts/fresh-clone.ts'],
};

const plan = process.argv.includes('--fresh-clone') ? [...STAGES, FRESH_CLONE] : STAGES;
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: object }).scripts;
const records: StageRecord[] = [];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
for (const stage of plan) {
  records.push(runStage(stage));
  writeFileSync(
    `${RESULTS}/stages.json`,
    JSON.stringify({ planned: plan.map((s) => s.name), stages: records }, null, 2),
  );
}

console.log('\nStages:');
for (const record of records) {
  console.log(
    `  ${record.name.padEnd(12)} ${record.status}${record.reason ? ` — ${record.reason}` : ''}`,
  );
}
const counted = spawnSync('node', ['.ci/count-tests.mjs', RESULTS], { stdio: 'inherit' });
process.exit(counted.status ?? 1);

function runStage(stage: Stage): StageRecord {
  const base = { name: stage.name, report: stage.report };
  const unmet = (stage.needs ?? []).filter(
    (need) => records.find((record) => record.name === need)?.status !== 'passed',
  );
  if (unmet.length) {
    return { ...base, status: 'not-run', exitCode: null, reason: `needs ${unmet.join(', ')}` };
  }
  const [program, ...args] = stage.command as [string, ...string[]];
  const script = program === 'npm' && args[0] === 'run' ? args[1] : undefined;
  if (script && !(script in scripts)) {
    const reason = `package.json has no "${script}" script`;
    console.log(`\n── ${stage.name}: ${reason} ──`);
    return { ...base, status: 'failed', exitCode: null, reason };
  }
  console.log(`\n── ${stage.name}: ${stage.command.join(' ')} ──`);
  const run = spawnSync(program, args, { stdio: 'inherit' });
  const exitCode = run.status ?? 1;
  const reason = run.error
    ? `could not start: ${run.error.message}`
    : run.signal
      ? `killed by ${run.signal}`
      : undefined;
  return { ...base, status: exitCode === 0 ? 'passed' : 'failed', exitCode, reason };
}
