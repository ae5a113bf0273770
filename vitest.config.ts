import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every scan starts a real Chromium; on two cores a scan can take several seconds.
    testTimeout: 90_000,
    // Browser tests mostly wait on pages and timers (a whole run uses about 40% of two cores with one
    // worker, vitest's default there): three files at a time keep CI to a few minutes.
    maxWorkers: 3,
    hookTimeout: 90_000,
  },
});
