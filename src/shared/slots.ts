/**
 * At most `size` pieces of work at once, granted lowest rank first (ties in arrival order): a
 * page's later visits, ranked by the page, go before later pages' first visits, so pages finish in
 * order while no slot stands idle waiting for one page's visits.
 */
export class Slots {
  private free: number;
  private readonly waiting: { rank: number; arrival: number; start: () => void }[] = [];
  private arrivals = 0;

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(rank: number, work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((start) => this.enqueue({ rank, arrival: this.arrivals++, start }));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.free++;
    }
  }

  private enqueue(entry: { rank: number; arrival: number; start: () => void }): void {
    const at = this.waiting.findIndex((w) => w.rank > entry.rank || (w.rank === entry.rank && w.arrival > entry.arrival));
    this.waiting.splice(at === -1 ? this.waiting.length : at, 0, entry);
  }
}
