/**
 * An error the user can act on. `exitCode` 2 means usage, configuration or environment;
 * 3 means the scan itself could not complete. Anything else that escapes is a bug.
 */
export class GateError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 = 2,
    /** The error underneath, shown in full with --verbose. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'GateError';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
