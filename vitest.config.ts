import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // The JSON report is what `npm test`'s count reads (.ci/count-tests.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
