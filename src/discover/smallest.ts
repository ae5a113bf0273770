/**
 * The `limit` smallest distinct strings offered, and how many were offered: a page list of any length
 * (a sitemap of 200,000 URLs) read in bounded memory, keeping exactly the pages a sorted, capped list
 * would scan.
 */
export class Smallest {
  private readonly kept: string[] = [];
  /** Every value offered, repeats included. */
  offered = 0;

  constructor(private readonly limit: number) {}

  add(value: string): void {
    this.offered++;
    const { kept } = this;
    const last = kept[kept.length - 1];
    if (kept.length >= this.limit && last !== undefined && value >= last) return;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (kept[mid]! < value) low = mid + 1;
      else high = mid;
    }
    if (kept[low] === value) return;
    kept.splice(low, 0, value);
    if (kept.length > this.limit) kept.pop();
  }

  /** Takes in what another one kept and counted. */
  absorb(other: Smallest): void {
    const values = other.values();
    for (const value of values) this.add(value);
    this.offered += other.offered - values.length;
  }

  /** Sorted ascending. */
  values(): string[] {
    return [...this.kept];
  }
}
