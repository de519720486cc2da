import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit tests (Node / jsdom, WXT's fakeBrowser) and end-to-end tests that load the built
// extension into Debian's Chromium (tests/e2e, run after `npm run build`).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'lib/**/*.test.ts'],
          environment: 'node',
          // Property, differential and fuzz tests loop thousands of times; on a shared 2-core machine under load the
          // default 5 s limit fails them for being slow, not wrong. Speed is measured in `npm run bench` instead.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
