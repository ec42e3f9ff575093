import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { CacheCounters } from '../search/generation-cache';

/** What the cache can report at scrape time. */
export interface CacheStats {
  bytes: number;
  entries: number;
}

/** The API's own Prometheus metrics, registered on the registry `/metrics` serves. */
export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  cacheHits: Counter;
  cacheMisses: Counter;
  cacheStale: Counter;
  /** How product dates and slots were answered; they share the search cache's bytes. */
  availabilityCache: CacheCounters;
}

/** Registers the HTTP and search-cache metrics on `registry`; `cacheStats` is read at each scrape. */
export function createApiMetrics(registry: Registry, cacheStats: () => CacheStats): ApiMetrics {
  const registers = [registry];
  new Gauge({
    name: 'search_cache_bytes',
    help: 'Bytes held by the response cache of searches, product dates and slots (bodies and their compressed variants).',
    registers,
    collect() {
      this.set(cacheStats().bytes);
    },
  });
  new Gauge({
    name: 'search_cache_entries',
    help: 'Responses held by the response cache of searches, product dates and slots.',
    registers,
    collect() {
      this.set(cacheStats().entries);
    },
  });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cacheHits: new Counter({
      name: 'search_cache_hits_total',
      help: 'Searches answered from the cache for the current data generation.',
      registers,
    }),
    cacheMisses: new Counter({
      name: 'search_cache_misses_total',
      help: 'Searches that had to query Elasticsearch (including when the cache is disabled).',
      registers,
    }),
    cacheStale: new Counter({
      name: 'search_cache_stale_total',
      help: 'Searches answered from an older generation because Elasticsearch failed.',
      registers,
    }),
    availabilityCache: createAvailabilityCounters(registers),
  };
}

function createAvailabilityCounters(registers: Registry[]): CacheCounters {
  return {
    hits: new Counter({
      name: 'availability_cache_hits_total',
      help: 'Product dates and slots answered from the cache for the current data generation.',
      registers,
    }),
    misses: new Counter({
      name: 'availability_cache_misses_total',
      help: 'Product dates and slots that had to query Elasticsearch (including when the cache is disabled).',
      registers,
    }),
    stale: new Counter({
      name: 'availability_cache_stale_total',
      help: 'Product dates and slots answered from an older generation because Elasticsearch failed.',
      registers,
    }),
  };
}
