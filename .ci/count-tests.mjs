// Adds up every stage of `npm test` into one line: "tests: N passed, N failed".
//
// scripts/test.ts records each stage in <dir>/stages.json (dir: the first argument, else
// test-results): its exit code and, for the test runners, the JSON report it wrote. Every
// way a stage can fall short counts as failed, by name, so the line can't say "0 failed"
// when something didn't pass:
// - a stage that did not run (or is missing from the record) fails;
// - a stage without a report (typecheck, lint, eval, build, fresh-clone) is one check:
//   passed when it exited 0, failed otherwise;
// - a test runner that exited non-zero while its report names no failure (Vitest's
//   unhandled errors) fails once more; a missing or unreadable report fails;
// - Vitest: failed tests, tests left unrun in a failed file, a file that failed outside
//   its tests, and `success: false`;
// - Playwright: unexpected results, interrupted tests, tests that did not run though they
//   were not marked skipped, and errors outside any test.
// Exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

/** The stages `npm test` always runs; the record may add more (fresh-clone in CI). */
export const REQUIRED_STAGES = ['typecheck', 'lint', 'unit', 'eval', 'build', 'e2e', 'firefox'];

export function countTests(dir) {
  const tally = { passed: 0, failed: [] };
  const record = readJson(join(dir, 'stages.json'));
  if (!record.ok) {
    tally.failed.push(`npm test: no stage record (${record.problem}), so no stage can be trusted`);
    return tally;
  }
  const stages = new Map(record.value.stages.map((stage) => [stage.name, stage]));
  const names = [...new Set([...REQUIRED_STAGES, ...record.value.planned])];
  for (const name of names) countStage(name, stages.get(name), dir, tally);
  return tally;
}

function countStage(name, stage, dir, tally) {
  if (!stage || stage.status === 'not-run') {
    const why = stage?.reason ?? 'the test runner stopped before it';
    tally.failed.push(`${name}: did not run (${why})`);
    return;
  }
  if (stage.exitCode === null) {
    tally.failed.push(`${name}: ${stage.reason ?? 'could not be started'}`);
    return;
  }
  const exited = stage.exitCode === 0 ? null : `exited with code ${stage.exitCode}`;
  if (!stage.report) {
    if (exited) tally.failed.push(`${name}: ${stage.reason ?? exited}`);
    else tally.passed += 1;
    return;
  }
  const report = readJson(join(dir, stage.report.file));
  if (!report.ok) {
    tally.failed.push(`${name}: no test report (${report.problem}); ${exited ?? 'exited 0'}`);
    return;
  }
  const before = tally.failed.length;
  if (stage.report.format === 'vitest') countVitest(name, report.value, tally);
  else countPlaywright(name, report.value, tally);
  if (exited && tally.failed.length === before) {
    tally.failed.push(`${name}: ${exited}, but its report names no failure (see its log)`);
  }
}

function countVitest(stage, report, tally) {
  const before = tally.failed.length;
  for (const file of report.testResults) {
    const path = relative(process.cwd(), file.name);
    const unrunInFailedFile = [];
    for (const test of file.assertionResults) {
      const name = `${stage}: ${path} › ${test.fullName}`;
      if (test.status === 'passed') tally.passed += 1;
      else if (test.status === 'failed') tally.failed.push(name);
      else if (file.status === 'failed') unrunInFailedFile.push(`${name} (did not run)`);
    }
    tally.failed.push(...unrunInFailedFile);
    const fileFailedAlone =
      file.status === 'failed' && !file.assertionResults.some((test) => test.status !== 'passed');
    if (fileFailedAlone) {
      tally.failed.push(`${stage}: ${path} failed outside its tests: ${firstLine(file.message)}`);
    }
  }
  if (report.success === false && tally.failed.length === before) {
    tally.failed.push(`${stage}: Vitest reported success: false`);
  }
}

function countPlaywright(stage, report, tally) {
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        countPlaywrightTest(`${stage}: ${[...titles, spec.title].join(' › ')}`, test, tally);
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of report.suites) visit(suite, [suite.file ?? suite.title]);
  for (const error of report.errors ?? []) {
    tally.failed.push(`${stage}: error outside any test: ${firstLine(error.message)}`);
  }
}

function countPlaywrightTest(name, test, tally) {
  const statuses = test.results.map((result) => result.status);
  if (statuses.includes('interrupted')) tally.failed.push(`${name} (interrupted)`);
  else if (test.status === 'unexpected') tally.failed.push(`${name} (${statuses.at(-1)})`);
  else if (test.status === 'skipped' && test.expectedStatus !== 'skipped') {
    tally.failed.push(`${name} (did not run)`);
  } else if (test.status === 'expected' || test.status === 'flaky') {
    // A test marked to be skipped (test.skip) is neither passed nor failed.
    if (test.expectedStatus !== 'skipped') tally.passed += 1;
  }
}

function readJson(path) {
  if (!existsSync(path)) return { ok: false, problem: `${path} is missing` };
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { ok: false, problem: `${path} is not readable JSON: ${firstLine(String(error))}` };
  }
}

function firstLine(text) {
  return stripVTControlCharacters(String(text ?? '')).split('\n')[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { passed, failed } = countTests(process.argv[2] ?? 'test-results');
  for (const name of failed) console.log(`FAILED ${name}`);
  console.log(`tests: ${passed} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}
