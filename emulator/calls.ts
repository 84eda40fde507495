/** Counting service calls by method, so tests and benchmarks can state what an operation costs. */

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private sum = 0;

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sum++;
  }

  /** All calls since the last reset. */
  total(): number {
    return this.sum;
  }

  /** Calls of one method, e.g. `count("Range.getValues")`; a prefix ending in "." counts a service. */
  count(method: string): number {
    if (method.endsWith(".")) {
      let n = 0;
      for (const [name, count] of this.counts) if (name.startsWith(method)) n += count;
      return n;
    }
    return this.counts.get(method) ?? 0;
  }

  /** Calls per method, sorted by method name. */
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of [...this.counts.keys()].sort()) out[name] = this.counts.get(name) ?? 0;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}
