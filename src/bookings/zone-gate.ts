/** How many requests a zone may have waiting for a slot, and for how long. */
export interface ZoneGateQueue {
  maxWaiting: number;
  maxWaitMs: number;
}

interface ZoneLane {
  running: number;
  waiting: (() => void)[];
}

/**
 * Admits at most `limit` concurrent requests per zone in this process, so Temporal's 10 in-flight Updates
 * per workflow are never the limit that answers. A burst waits in a short queue; beyond its length or its
 * wait the request is turned away (the API answers 503 with Retry-After), never left hanging.
 */
export class ZoneGate {
  private readonly lanes = new Map<string, ZoneLane>();

  constructor(
    private readonly limit: number,
    private readonly queue: ZoneGateQueue = { maxWaiting: 64, maxWaitMs: 2000 },
  ) {}

  /** Runs `work` once the zone has room, or resolves `busy` without running it. */
  async pass<T>(zoneId: string, work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    const lane = this.lanes.get(zoneId) ?? { running: 0, waiting: [] };
    this.lanes.set(zoneId, lane);
    if (lane.running >= this.limit && !(await this.waitForRoom(lane))) {
      this.dropIfIdle(zoneId, lane);
      return { busy: true };
    }
    lane.running += 1;
    try {
      return { busy: false, value: await work() };
    } finally {
      lane.running -= 1;
      const next = lane.waiting.shift();
      if (next) next();
      else this.dropIfIdle(zoneId, lane);
    }
  }

  private waitForRoom(lane: ZoneLane): Promise<boolean> {
    if (lane.waiting.length >= this.queue.maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        lane.waiting.splice(lane.waiting.indexOf(admit), 1);
        resolve(false);
      }, this.queue.maxWaitMs);
      lane.waiting.push(admit);
    });
  }

  private dropIfIdle(zoneId: string, lane: ZoneLane): void {
    if (lane.running === 0 && lane.waiting.length === 0) this.lanes.delete(zoneId);
  }
}
