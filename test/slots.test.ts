// Slots: how the gate shares browser contexts between pages' visits (browser-free).
import { describe, expect, it } from 'vitest';
import { Slots } from '../src/shared/slots.js';

/** A piece of work that ends when told to, noting when it started. */
function job(started: string[], name: string): { run: () => Promise<string>; end: () => void } {
  let end = (): void => undefined;
  const done = new Promise<void>((resolve) => (end = resolve));
  return { run: async () => (started.push(name), await done, name), end };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('runs at most its size at once, and grants a freed slot to the lowest rank waiting, ties in arrival order', async () => {
    const slots = new Slots(2);
    const started: string[] = [];
    const jobs = Object.fromEntries(['a0', 'b1', 'c2', 'd1', 'e0', 'f1'].map((name) => [name, job(started, name)]));
    const runs = Object.entries(jobs).map(([name, j]) => slots.run(Number(name[1]), j.run));
    await tick();
    expect(started).toEqual(['a0', 'b1']);
    jobs['a0']!.end();
    await tick();
    // Waiting: c2, d1, e0, f1 → e0 (rank 0) first.
    expect(started).toEqual(['a0', 'b1', 'e0']);
    jobs['b1']!.end();
    await tick();
    // d1 came before f1 with the same rank.
    expect(started).toEqual(['a0', 'b1', 'e0', 'd1']);
    for (const name of ['e0', 'd1', 'f1', 'c2']) {
      jobs[name]!.end();
      await tick();
    }
    expect(started).toEqual(['a0', 'b1', 'e0', 'd1', 'f1', 'c2']);
    expect(await Promise.all(runs)).toEqual(['a0', 'b1', 'c2', 'd1', 'e0', 'f1']);
  });

  it('frees the slot of work that fails', async () => {
    const slots = new Slots(1);
    await expect(slots.run(0, () => Promise.reject(new Error('page crashed')))).rejects.toThrow('page crashed');
    expect(await slots.run(0, async () => 'next')).toBe('next');
  });
});
