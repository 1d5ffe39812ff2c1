// Adds up the unit (vitest) and E2E (Playwright) JSON reports into one line.
// Exits non-zero when a report is missing, so a run that never reached a stage fails.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');

let passed = 0;
let failed = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  // A file that fails outside its tests (a throwing import or beforeAll) fails none of
  // them: its tests are left unrun. Count those, or the file itself when it has none.
  for (const file of unit.testResults) {
    if (file.status !== 'failed') continue;
    const tests = file.assertionResults;
    if (tests.some((test) => test.status === 'failed')) continue;
    failed += Math.max(1, tests.filter((test) => test.status !== 'passed').length);
  }
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  // `errors`: failures outside any test, such as a spec file that does not load.
  failed += e2e.stats.unexpected + e2e.errors.length;
}
const missing = [!unit && 'unit', !e2e && 'E2E'].filter(Boolean);
if (missing.length) console.log(`No ${missing.join(' or ')} test report: that stage did not run.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(missing.length || failed ? 1 : 0);
