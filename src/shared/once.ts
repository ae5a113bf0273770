/**
 * A value made on first use and kept: for what is costly to build and not every command needs (a
 * compiled schema, the browser driver), so `--version`, `judge` and a skipped pre-push start fast.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
