import type { LoadResult } from '../support/http-load';
import type { MeasuredSync } from '../support/sync-driver';
import type { BenchResults } from './bench-results';
import { atMost, figure, type Figure } from './figure';

/** `/search` under load while a sync rewrites every event, with the cache (default) and without. */
export function loadFigures(r: BenchResults): Figure[] {
  const { cached, uncached, windows } = r.load;
  const e2e = r.syncs.full.seconds;
  const statuses = (load: LoadResult) => ({
    non2xx: load.non2xx,
    timeouts: load.timeouts,
    windows,
    serverCpuPct: load.cpu.serverPct,
    loadGeneratorCpuPct: load.cpu.loadGeneratorPct,
  });
  const syncDetail = (sync: MeasuredSync) => ({ phases: sync.phases, counts: sync.summary.counts });
  return [
    figure('load.errors', cached.load.errors, 'req', {
      baseline: ['requests during the sync', cached.load.requests],
      goal: atMost(0),
      detail: statuses(cached.load),
    }),
    figure('load.p99_ms', cached.load.p99Ms, 'ms', {
      baseline: ['cached p99 without sync', r.search.cached.p99Ms],
    }),
    figure('load.rps', cached.load.rps, 'req/s', {
      baseline: ['cached_rps without sync', r.search.cached.rps],
    }),
    figure('load.sync_s', cached.sync.seconds, 's', {
      baseline: ['end_to_end (no load)', e2e],
      detail: syncDetail(cached.sync),
    }),
    figure('load.uncached_errors', uncached.load.errors, 'req', {
      baseline: ['requests during the sync', uncached.load.requests],
      goal: atMost(0),
      detail: statuses(uncached.load),
    }),
    figure('load.uncached_p99_ms', uncached.load.p99Ms, 'ms', {
      baseline: ['uncached p99 without sync', r.search.uncached.p99Ms],
    }),
    figure('load.uncached_rps', uncached.load.rps, 'req/s', {
      baseline: ['uncached_rps without sync', r.search.uncached.rps],
    }),
    figure('load.uncached_sync_s', uncached.sync.seconds, 's', {
      baseline: ['end_to_end (no load)', e2e],
      detail: syncDetail(uncached.sync),
    }),
  ];
}
