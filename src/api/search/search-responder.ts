import type { Logger } from 'pino';
import type { EventSearch, SearchWindow } from '../../search/event-search';
import { AdmissionGate } from '../http/admission-gate';
import type { ContentEncoding } from '../http/negotiate-encoding';
import { prepareBody } from '../http/prepared-body';
import type { PreparedBody } from '../http/prepared-body';
import type { ApiMetrics } from '../metrics/api-metrics';
import { ByteLruCache } from './byte-lru-cache';
import { FrequencySketch } from './frequency-sketch';
import { GenerationCache, type CacheEntry, type CachedAnswer } from './generation-cache';
import type { GenerationPoller } from './generation-poller';
import type { SearchQuery } from './search-query';
import { serializeSearchBody } from './serialize-search-body';

/**
 * At most this many searches per process go to Elasticsearch at once, and this many wait, each at most a
 * second: when misses come faster than Elasticsearch answers them (a cold long tail at a peak), the excess
 * gets a stale answer or a 503 at once, instead of every miss queueing for seconds and holding a connection
 * until clients give up, which took the cache's hits down with it.
 */
const QUERY_CONCURRENCY = 16;
const QUERY_QUEUE = { maxWaiting: 256, maxWaitMs: 1000 };

/** Thrown when a search query finds the process's queries to Elasticsearch full (see QUERY_CONCURRENCY). */
export class SearchesBusyError extends Error {
  override name = 'SearchesBusyError';
  constructor() {
    super('too many searches waiting for Elasticsearch');
  }
}

/** Content type of search answers, and of the contract's error bodies. */
export const JSON_TYPE = 'application/json; charset=utf-8';
// Map entry, key copies and object headers: enough that many tiny bodies cannot overrun the byte budget.
const ENTRY_OVERHEAD_BYTES = 256;

// What a typical window's entry takes: the popularity sketch counts about four times as many keys as the cache
// holds, so that the tail's one-off keys rarely share all their counters with a popular one.
const TYPICAL_ENTRY_BYTES = 32 * 1024;
const SKETCHED_KEYS_PER_ENTRY = 4;

/**
 * A byte-bounded cache of search responses, one entry per window (the latest generation read for it). It admits
 * a new window only when that window is asked for more often than what it would evict: at a peak, thousands of
 * windows asked once would otherwise push the popular ones out, and every popular miss costs Elasticsearch.
 */
export function createSearchCache(maxBytes: number): ByteLruCache<CacheEntry> {
  return new ByteLruCache<CacheEntry>(
    maxBytes,
    (entry) => entry.body.bytes + ENTRY_OVERHEAD_BYTES,
    new FrequencySketch(Math.ceil((maxBytes / TYPICAL_ENTRY_BYTES) * SKETCHED_KEYS_PER_ENTRY)),
  );
}

/**
 * Answers searches from the cache when it holds the window at the current generation, otherwise from
 * Elasticsearch (one query per window and generation however many callers wait), falling back to the
 * window's older cached response when Elasticsearch fails.
 */
export class SearchResponder {
  private readonly answers: GenerationCache;

  constructor(
    private readonly eventSearch: EventSearch,
    generation: GenerationPoller,
    cache: ByteLruCache<CacheEntry> | null,
    metrics: ApiMetrics,
    private readonly logger: Logger,
    private readonly queries: AdmissionGate = new AdmissionGate(QUERY_CONCURRENCY, QUERY_QUEUE),
  ) {
    this.answers = new GenerationCache(generation, cache, {
      hits: metrics.cacheHits,
      misses: metrics.cacheMisses,
      stale: metrics.cacheStale,
    });
  }

  /** Answers `query`; `encoding` is the only coding prepared when the cache is disabled. */
  async answer(query: SearchQuery, encoding: ContentEncoding): Promise<CachedAnswer> {
    return this.answers.answer(query.key, encoding, (encodings) => this.fetch(query, encodings));
  }

  /** Answers `query` from Elasticsearch, for a caller that already found no {@link cachedHit}. */
  async answerUncached(query: SearchQuery, encoding: ContentEncoding): Promise<CachedAnswer> {
    return this.answers.miss(query.key, encoding, (encodings) => this.fetch(query, encodings));
  }

  /** The cached response to `query` when it is of the current data generation (counted as a hit), else undefined. */
  cachedHit(query: SearchQuery): PreparedBody | undefined {
    return this.answers.hit(query.key);
  }

  private async fetch(query: SearchQuery, encodings: readonly ContentEncoding[]): Promise<PreparedBody> {
    try {
      const admitted = await this.queries.pass('elasticsearch', async () => {
        const bytes = await serializeSearchBody(
          isInverted(query.window) ? [] : this.eventSearch.search(query.window),
        );
        return prepareBody(bytes, JSON_TYPE, encodings);
      });
      if (admitted.busy) throw new SearchesBusyError();
      return admitted.value;
    } catch (err) {
      // Turned away: the request's own 503 (or stale answer) says so, and at a peak these come by thousands.
      if (err instanceof SearchesBusyError) throw err;
      // Logged once per query, not once per caller waiting on it.
      this.logger.warn({ err, window: query.window }, 'search query failed');
      throw err;
    }
  }
}

// A valid window narrower than a millisecond rounds inward to an inverted one: it holds nothing, and Elasticsearch
// would refuse it ("from is greater than to") with an error.
function isInverted({ startsAt, endsAt }: SearchWindow): boolean {
  return startsAt !== undefined && endsAt !== undefined && startsAt.getTime() > endsAt.getTime();
}
