import type { LoadResult } from '../support/http-load';
import type { MeasuredSync } from '../support/sync-driver';
import type { FeedResults } from './bench-results';
import { atMost, figure, type Figure } from './figure';

/** `/search` under load while a sync rewrites every event, with the cache (default) and without. */
export function loadFigures(r: FeedResults): Figure[] {
  const { cached, uncached, windows } = r.load;
  const e2e = r.syncs.full.seconds;
  const statuses = (load: LoadResult) => ({
    non2xx: load.non2xx,
    timeouts: load.timeouts,
    windows,
    serverCpuPct: load.cpu.serverPct,
    loadGeneratorCpuPct: load.cpu.loadGeneratorPct,
  });
  const syncDetail = (sync: MeasuredSync) => ({
    phases: sync.phases,
    counts: sync.summary.counts,
    cpuSeconds: sync.cpuSeconds,
  });
  // The same four figures with the cache (no prefix) and without it (`uncached_`).
  const under = (prefix: '' | 'uncached_', run: typeof cached, withoutSync: LoadResult): Figure[] => {
    const label = prefix === '' ? 'cached' : 'uncached';
    return [
      figure(`load.${prefix}errors`, run.load.errors, 'req', {
        baseline: ['requests during the sync', run.load.requests],
        goal: atMost(0),
        detail: statuses(run.load),
      }),
      figure(`load.${prefix}p99_ms`, run.load.p99Ms, 'ms', {
        baseline: [`${label} p99 without sync`, withoutSync.p99Ms],
      }),
      figure(`load.${prefix}rps`, run.load.rps, 'req/s', {
        baseline: [`${label}_rps without sync`, withoutSync.rps],
      }),
      figure(`load.${prefix}sync_s`, run.sync.seconds, 's', {
        baseline: ['end_to_end (no load)', e2e],
        detail: syncDetail(run.sync),
      }),
    ];
  };
  return [...under('', cached, r.search.cached), ...under('uncached_', uncached, r.search.uncached)];
}
