/** How many requests a key may have waiting for a slot, and for how long. */
export interface AdmissionQueue {
  maxWaiting: number;
  maxWaitMs: number;
}

interface GateLane {
  running: number;
  waiting: (() => void)[];
}

/**
 * Admits at most `limit` concurrent requests per key in this process (a zone's Updates, so Temporal's 10
 * in-flight Updates per workflow are never the limit that answers; the searches sent to Elasticsearch). A
 * burst waits in a short queue; beyond its length or its wait the request is turned away (the API answers
 * 503 with Retry-After), never left hanging.
 */
export class AdmissionGate {
  private readonly lanes = new Map<string, GateLane>();

  constructor(
    private readonly limit: number,
    private readonly queue: AdmissionQueue = { maxWaiting: 64, maxWaitMs: 2000 },
  ) {}

  /** Runs `work` once the key has room, or resolves `busy` without running it. */
  async pass<T>(key: string, work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    const lane = this.lanes.get(key) ?? { running: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.running >= this.limit && !(await this.waitForRoom(lane))) {
      this.dropIfIdle(key, lane);
      return { busy: true };
    }
    lane.running += 1;
    try {
      return { busy: false, value: await work() };
    } finally {
      lane.running -= 1;
      const next = lane.waiting.shift();
      if (next) next();
      else this.dropIfIdle(key, lane);
    }
  }

  private waitForRoom(lane: GateLane): Promise<boolean> {
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

  private dropIfIdle(key: string, lane: GateLane): void {
    if (lane.running === 0 && lane.waiting.length === 0) this.lanes.delete(key);
  }
}
