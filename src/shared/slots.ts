/**
 * At most `size` pieces of work at once, granted lowest rank first (ties in arrival order): a
 * page's later visits, ranked by the page, go before later pages' first visits, so pages finish in
 * order while no slot stands idle waiting for one page's visits.
 */
export class Slots {
  private free: number;
  private readonly waiting: { rank: number; start: () => void }[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(rank: number, work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((start) => this.enqueue({ rank, start }));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.free++;
    }
  }

  /** After every entry of the same or a lower rank: ties keep their arrival order. */
  private enqueue(entry: { rank: number; start: () => void }): void {
    const at = this.waiting.findIndex((w) => w.rank > entry.rank);
    this.waiting.splice(at === -1 ? this.waiting.length : at, 0, entry);
  }
}
