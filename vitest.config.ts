import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The workers, and the CLIs and Actions they start, keep Node's compiled code on disk: ninety test
// files import the same modules. Measured, three runs each way: the rule tests take 4% less CPU; a
// CLI run gains next to nothing (V8 compiles Playwright's functions lazily anyway). Node 20 ignores it.
process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'consent-gate-test-compile-cache');

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
