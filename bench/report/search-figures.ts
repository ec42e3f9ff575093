import type { LoadResult } from '../support/http-load';
import type { FeedResults } from './bench-results';
import { atLeast, atMost, figure, type Figure } from './figure';

/** Latency, volume and which side was busy (server vs load generator, % of one core). */
function loadDetail(load: LoadResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    requests: load.requests,
    errors: load.errors,
    bytesPerRequest: load.bytesPerRequest,
    serverCpuPct: load.cpu.serverPct,
    loadGeneratorCpuPct: load.cpu.loadGeneratorPct,
    serverCpuUsPerRequest: load.serverCpuUsPerRequest,
    ...extra,
  };
}

/** The search figures, each against the bare baseline it is compared with. */
export function searchFigures(r: FeedResults): Figure[] {
  const s = r.search;
  return [
    figure('search.koa_hello_rps', s.koaHello.rps, 'req/s', {
      detail: loadDetail(s.koaHello, { backgroundBusyPct: s.backgroundBusyPct }),
    }),
    figure('search.koa_same_bytes_rps', s.koaSameBytes.rps, 'req/s', {
      baseline: ['koa_hello_rps', s.koaHello.rps],
      detail: loadDetail(s.koaSameBytes, { bodyBytes: s.narrowBytes }),
    }),
    figure('search.es_direct_rps', s.esDirect.rps, 'req/s', {
      detail: loadDetail(s.esDirect, { eventsIndex: s.index, runs: s.runs }),
    }),
    // The most any Node service in front of Elasticsearch can reach here: no framework, parsing or logging.
    figure('search.es_proxy_rps', s.esProxy.rps, 'req/s', {
      baseline: ['es_direct_rps', s.esDirect.rps],
      detail: loadDetail(s.esProxy, { what: 'bare node:http + undici, Elasticsearch bytes passed through' }),
    }),
    figure('search.cached_rps', s.cached.rps, 'req/s', {
      baseline: ['koa_hello_rps', s.koaHello.rps],
      goal: atLeast(0.8, 'ratio'),
      detail: loadDetail(s.cached, {
        window: r.syncs.window,
        ratioToSameBytes: s.cached.rps / s.koaSameBytes.rps,
      }),
    }),
    figure('search.cached_p99_ms', s.cached.p99Ms, 'ms', {
      baseline: ['koa_hello p99', s.koaHello.p99Ms],
      goal: atMost(10, 'value', ' ms'),
      detail: { sameBytesP99Ms: s.koaSameBytes.p99Ms },
    }),
    figure('search.cached_warn_log_rps', s.cachedWarnLog.rps, 'req/s', {
      baseline: ['cached_rps (LOG_LEVEL info)', s.cached.rps],
      detail: loadDetail(s.cachedWarnLog, { logLevel: 'warn: no access log line per request' }),
    }),
    figure('search.cached_cpu_us_per_request', s.cached.serverCpuUsPerRequest, 'µs', {
      baseline: ['koa_same_bytes', s.koaSameBytes.serverCpuUsPerRequest],
      detail: {
        koaHelloCpuUsPerRequest: s.koaHello.serverCpuUsPerRequest,
        warnLogCpuUsPerRequest: s.cachedWarnLog.serverCpuUsPerRequest,
      },
    }),
    figure('search.uncached_rps', s.uncached.rps, 'req/s', {
      baseline: ['es_direct_rps', s.esDirect.rps],
      goal: atLeast(0.8, 'ratio'),
      detail: loadDetail(s.uncached, { ratioToEsProxy: s.uncached.rps / s.esProxy.rps }),
    }),
    figure('search.uncached_p99_ms', s.uncached.p99Ms, 'ms', {
      baseline: ['es_direct p99', s.esDirect.p99Ms],
    }),
    figure('search.wide_rps', s.wideGzip.rps, 'req/s', {
      baseline: ['cached_rps (narrow)', s.cached.rps],
      detail: loadDetail(s.wideGzip, { acceptEncoding: 'gzip', events: s.wideBytes.events }),
    }),
    figure('search.wide_p99_ms', s.wideGzip.p99Ms, 'ms', {
      baseline: ['cached p99 (narrow)', s.cached.p99Ms],
    }),
    figure('search.wide_identity_rps', s.wideIdentity.rps, 'req/s', {
      baseline: ['wide_rps (gzip)', s.wideGzip.rps],
      detail: loadDetail(s.wideIdentity),
    }),
    figure('search.wide_bytes', s.wideBytes.identity, 'B', { detail: { events: s.wideBytes.events } }),
    figure('search.wide_bytes_sent', s.wideBytes.gzip, 'B', {
      baseline: ['wide_bytes (identity)', s.wideBytes.identity],
      detail: { encoding: 'gzip', brBytes: s.wideBytes.br },
    }),
    figure('search.cluster_rps', s.cluster.rps, 'req/s', {
      baseline: ['cached_rps (one process)', s.cached.rps],
      detail: loadDetail(s.cluster, { workers: s.clusterWorkers }),
    }),
  ];
}
