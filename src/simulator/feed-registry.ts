import type { FeedControl } from './feed-control';
import { FeedState } from './feed-state';

/** The simulator's feeds by name, created on first use with the start-up control applied. */
export class FeedRegistry {
  private feeds = new Map<string, FeedState>();

  constructor(
    private readonly samples: readonly Buffer[],
    private readonly initialControl: FeedControl | undefined,
  ) {}

  get(name: string): FeedState {
    let feed = this.feeds.get(name);
    if (!feed) {
      feed = new FeedState(name, this.samples);
      if (this.initialControl) feed.apply(this.initialControl);
      this.feeds.set(name, feed);
    }
    return feed;
  }

  list(): FeedState[] {
    return [...this.feeds.values()];
  }

  /** Forgets every feed: modes, faults, counters and logs go back to the start-up state. */
  reset(): void {
    this.feeds = new Map();
  }
}
