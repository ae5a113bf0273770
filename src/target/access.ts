/** Where the user's headers go: the target's origin, or without one (URLs given alone) the first page's. */
export function targetOrigin(baseUrl: string | null, pages: readonly string[]): string | null {
  const first = baseUrl ?? pages.find((page) => /^https?:\/\//i.test(page) && URL.canParse(page));
  return first === undefined ? null : new URL(first).origin;
}
