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
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
const missing = [!unit && 'unit', !e2e && 'E2E'].filter(Boolean);
if (missing.length) console.log(`No ${missing.join(' or ')} test report: that stage did not run.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(missing.length || failed ? 1 : 0);
