/**
 * Admits at most `limit` concurrent requests per zone in this process; the rest are turned away at once
 * (the API answers 503 with Retry-After) instead of queueing toward Temporal's 10 in-flight Updates.
 */
export class ZoneGate {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Runs `work` if the zone has room, else resolves `busy` without running it. */
  async pass<T>(zoneId: string, work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    const current = this.inFlight.get(zoneId) ?? 0;
    if (current >= this.limit) return { busy: true };
    this.inFlight.set(zoneId, current + 1);
    try {
      return { busy: false, value: await work() };
    } finally {
      const left = (this.inFlight.get(zoneId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(zoneId);
      else this.inFlight.set(zoneId, left);
    }
  }
}
