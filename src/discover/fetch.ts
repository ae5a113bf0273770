/** A GET with the user's headers and a time limit; null when it did not answer 2xx. */
export async function fetchText(url: string, headers: Record<string, string>): Promise<{ text: string; type: string; url: string } | null> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return { text: await response.text(), type: response.headers.get('content-type') ?? '', url: response.url };
  } catch {
    return null;
  }
}
