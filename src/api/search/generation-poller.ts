import type { Logger } from 'pino';
import { withTimeout } from '../http/with-timeout';

/** Poll period: a sync's new generation reaches the cache well within the 2 s the consumers were promised. */
export const DEFAULT_GENERATION_POLL_MS = 300;

/**
 * Keeps the data generation in memory by polling it in the background, so requests never wait on it.
 * `epoch` counts the generations seen (0 = none yet): generations are opaque, epochs can be compared.
 * While polling fails the last known generation stays current: the data has not changed as far as we know.
 */
export class GenerationPoller {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;
  /** Numbers every read, so a slow read that started before a newer one cannot win over it. */
  private reads = 0;
  private newestObserved = 0;
  generation: string | undefined;
  epoch = 0;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly logger: Logger,
    private readonly intervalMs = DEFAULT_GENERATION_POLL_MS,
  ) {}

  /** Polls now, then every interval until {@link stop}. */
  start(): void {
    void this.poll();
  }

  /** Stops polling; a poll in progress finishes and is ignored. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Reads the generation now and makes it current before resolving, so a caller that has seen a sync run
   * end answers from that run's data. Rejects when the read fails; the last known generation stays.
   */
  async refresh(): Promise<void> {
    const read = ++this.reads;
    const generation = await withTimeout(
      this.read(),
      Math.max(1000, this.intervalMs * 4),
      'currentGeneration',
    );
    if (this.stopped || read < this.newestObserved) return;
    this.newestObserved = read;
    this.observe(generation);
  }

  private async poll(): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      if (!this.failing)
        this.logger.warn({ err }, 'data generation poll failed; keeping the last known generation');
      this.failing = true;
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private observe(generation: string): void {
    if (this.failing) this.logger.info('data generation poll recovered');
    this.failing = false;
    if (generation === this.generation) return;
    this.logger.debug({ from: this.generation, to: generation }, 'data generation changed');
    this.generation = generation;
    this.epoch += 1;
  }
}
