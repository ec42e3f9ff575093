import type { Counter } from 'prom-client';
import { ServiceUnavailableError } from '../api-errors';
import type { ContentEncoding } from '../http/negotiate-encoding';
import type { PreparedBody } from '../http/prepared-body';
import type { ByteLruCache } from './byte-lru-cache';
import type { GenerationPoller } from './generation-poller';
import { SingleFlight } from './single-flight';

/** How an answer was obtained, as `X-Cache` reports it. BYPASS: the cache is disabled. */
export type CacheOutcome = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

const STALE_WARNING =
  '110 - "Response is Stale: the search backend is unreachable, serving the last cached results"';

/** The headers that say how an answer was obtained: `X-Cache`, and the `Warning` a STALE answer carries. */
export function cacheHeaders(cache: CacheOutcome): string[] {
  return cache === 'STALE' ? ['X-Cache', cache, 'Warning', STALE_WARNING] : ['X-Cache', cache];
}

/** A response ready to send, and how it was obtained. */
export interface CachedAnswer {
  body: PreparedBody;
  cache: CacheOutcome;
}

/** A cached response and the generation epoch it was read at. */
export interface CacheEntry {
  body: PreparedBody;
  epoch: number;
}

/** Counters of how answers were obtained: from the cache, from Elasticsearch, or stale. */
export interface CacheCounters {
  hits: Counter;
  misses: Counter;
  stale: Counter;
}

/** Builds a response body from Elasticsearch, compressed into `encodings`. */
export type LoadBody = (encodings: readonly ContentEncoding[]) => Promise<PreparedBody>;

/**
 * Answers by key from the cache when it holds the key at the current data generation, otherwise by loading
 * (one load per key and generation however many callers wait), falling back to the key's older cached
 * response when the load fails.
 */
export class GenerationCache {
  private readonly flights = new SingleFlight<PreparedBody>();

  constructor(
    private readonly generation: GenerationPoller,
    private readonly cache: ByteLruCache<CacheEntry> | null,
    private readonly counters: CacheCounters,
  ) {}

  /** Answers `key`; `encoding` is the only coding loaded when the cache is disabled. */
  async answer(key: string, encoding: ContentEncoding, load: LoadBody): Promise<CachedAnswer> {
    const hit = this.hit(key);
    return hit ? { body: hit, cache: 'HIT' } : this.miss(key, encoding, load);
  }

  /** The cached response to `key` when it is of the current data generation (counted as a hit), else undefined. */
  hit(key: string): PreparedBody | undefined {
    const epoch = this.generation.epoch;
    const cached = this.cache?.get(key);
    // Epoch 0 means no generation has been read yet, so nothing can be known to be current.
    if (!cached || epoch === 0 || cached.epoch !== epoch) return undefined;
    this.counters.hits.inc();
    return cached.body;
  }

  /** Answers `key` by loading it, for a caller that already found no {@link hit}. */
  async miss(key: string, encoding: ContentEncoding, load: LoadBody): Promise<CachedAnswer> {
    this.counters.misses.inc();
    if (!this.cache) return { body: await unavailableOnFailure(() => load([encoding])), cache: 'BYPASS' };
    const epoch = this.generation.epoch;
    try {
      return {
        body: await this.flights.run(`${epoch}|${key}`, () => this.refill(key, epoch, load)),
        cache: 'MISS',
      };
    } catch (err) {
      const stale = this.cache.get(key);
      if (!stale) throw unavailable(err);
      this.counters.stale.inc();
      return { body: stale.body, cache: 'STALE' };
    }
  }

  private async refill(key: string, epoch: number, load: LoadBody): Promise<PreparedBody> {
    const body = await load(['br', 'gzip']);
    const current = this.cache?.peek(key);
    // A slow load must not replace what a load of a newer generation already stored.
    if (!current || current.epoch <= epoch) this.cache?.set(key, { body, epoch });
    return body;
  }
}

async function unavailableOnFailure(call: () => Promise<PreparedBody>): Promise<PreparedBody> {
  try {
    return await call();
  } catch (err) {
    throw unavailable(err);
  }
}

function unavailable(cause: unknown): ServiceUnavailableError {
  return new ServiceUnavailableError('search backend failed and no cached response exists', { cause });
}
