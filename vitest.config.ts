import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every scan starts a real Chromium; on two cores a scan can take several seconds.
    testTimeout: 90_000,
    // Browser tests mostly wait on pages and timers (with one worker, vitest's default on two cores, a
    // run used about 40% of them). Two files at a time; three overloaded the machine (load near 30).
    maxWorkers: 2,
    hookTimeout: 90_000,
    globalSetup: ['test/support/temp-root.ts'],
  },
});
