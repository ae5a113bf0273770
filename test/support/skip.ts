import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test skipped itself; .ci/run lists it from the JSON report, where vitest keeps a test's meta. */
    skipReason?: string;
  }
}

/**
 * Skips the running test, saying why: in vitest's own output, and in the JSON report (vitest's JSON
 * reporter drops skip notes but keeps meta), so a skip in CI is never silent.
 */
export function skipBecause(context: TestContext, reason: string): never {
  context.task.meta.skipReason = reason;
  return context.skip(reason);
}
