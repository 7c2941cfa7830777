import { defineConfig } from 'vitest/config';
import { assertNodeVersion } from './src/io/assert-node.ts';

assertNodeVersion();

// Builds and Chromium are heavy: the build and browser projects stay within two workers.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          maxWorkers: 2,
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-site-build.ts'],
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A page's scripts react in well under a second on a quiet machine, but a loaded 2-core
          // one took 3.5 s for the table of contents to follow a click, in a full run of its file:
          // a poll still fails when the page never gets there, only later.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
