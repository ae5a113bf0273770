/**
 * The user's `--header` values (a preview bypass token, basic auth) and the one origin they may go to.
 * A token that reaches a third party opens the preview to it, so every request that could carry them
 * asks headersFor() first, on every redirect hop.
 */
export interface TargetHeaders {
  origin: string;
  values: Record<string, string>;
}

/** The user's headers when `url` is on the target's origin; none for any other URL. */
export function headersFor(url: string, target: TargetHeaders | undefined): Record<string, string> {
  if (!target) return {};
  try {
    return new URL(url).origin === target.origin ? target.values : {};
  } catch {
    return {};
  }
}
