import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The CI count (.ci/count-tests.mjs) fed with the result files of each way a run can fall
 * short. Each case in count-cases/ is the test-results folder of such a run.
 */
const folders: string[] = [];

function count(caseName: string): { lines: string[]; exitCode: number | null } {
  const { files } = JSON.parse(
    readFileSync(join(import.meta.dirname, 'count-cases', `${caseName}.json`), 'utf8'),
  ) as { files: Record<string, unknown> };
  const dir = mkdtempSync(join(tmpdir(), 'count-tests-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), JSON.stringify(content));
  }
  const run = spawnSync('node', ['.ci/count-tests.mjs', dir], { encoding: 'utf8' });
  return { lines: run.stdout.trim().split('\n'), exitCode: run.status };
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the CI test count', () => {
  it('counts every test and stage check of a run where all passed, and exits 0', () => {
    // 4 checks (typecheck, lint, eval, build) + 2 unit + 2 E2E + 1 Firefox.
    expect(count('all-passed')).toEqual({ lines: ['tests: 9 passed, 0 failed'], exitCode: 0 });
  });

  it.each([
    [
      'build-failed',
      [
        'build: exited with code 1',
        'e2e: did not run (needs build)',
        'firefox: did not run (needs build)',
      ],
      'tests: 5 passed, 3 failed',
    ],
    [
      'runner-stopped',
      [
        'eval: did not run (the test runner stopped before it)',
        'build: did not run (the test runner stopped before it)',
        'e2e: did not run (the test runner stopped before it)',
        'firefox: did not run (the test runner stopped before it)',
      ],
      'tests: 4 passed, 4 failed',
    ],
    [
      'eval-script-missing',
      ['eval: package.json has no "eval" script'],
      'tests: 8 passed, 1 failed',
    ],
    [
      'vitest-unhandled-error',
      ['unit: exited with code 1, but its report names no failure (see its log)'],
      'tests: 9 passed, 1 failed',
    ],
    ['vitest-success-false', ['unit: Vitest reported success: false'], 'tests: 8 passed, 1 failed'],
    [
      'vitest-file-failed',
      [
        'unit: tests/unit/a.test.ts › grades a title (did not run)',
        'unit: tests/unit/a.test.ts › suggests tags (did not run)',
      ],
      'tests: 7 passed, 2 failed',
    ],
    [
      'vitest-report-missing',
      [
        expect.stringMatching(
          /^FAILED unit: no test report \(.*unit\.json is missing\); exited 0$/,
        ),
      ],
      'tests: 7 passed, 1 failed',
    ],
    [
      'playwright-interrupted',
      [
        'e2e: panel.e2e.ts › publishes (timedOut)',
        'e2e: panel.e2e.ts › reverts (interrupted)',
        'e2e: panel.e2e.ts › cancels (did not run)',
        'e2e: error outside any test: Error: No tests found in broken.e2e.ts',
      ],
      'tests: 8 passed, 4 failed',
    ],
    ['fresh-clone-failed', ['fresh-clone: exited with code 1'], 'tests: 9 passed, 1 failed'],
    [
      'no-record',
      [expect.stringMatching(/^FAILED npm test: no stage record \(.*stages\.json is missing\)/)],
      'tests: 0 passed, 1 failed',
    ],
  ])('%s: names each failure and counts it', (caseName, failures, line) => {
    const { lines, exitCode } = count(caseName);
    expect(lines.at(-1)).toBe(line);
    expect(lines.slice(0, -1)).toEqual(
      failures.map((failure) => (typeof failure === 'string' ? `FAILED ${failure}` : failure)),
    );
    expect(exitCode).toBe(1);
  });
});
