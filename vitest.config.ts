import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every scan starts a real Chromium; on two cores a scan can take several seconds.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
