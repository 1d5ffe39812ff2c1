import { defineConfig } from 'vitest/config';

/**
 * `npm run test:firefox`: the Firefox build in a real firefox-esr (tests/firefox/), apart
 * from the unit tests, which run against WXT's fake browser.
 */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    // Firefox takes seconds to start, more on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report is what `npm test`'s count reads (.ci/count-tests.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/firefox.json' },
  },
});
