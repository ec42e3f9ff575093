import { DEFAULT_GENERATION_POLL_MS } from '../../src/api/search/generation-poller';
import type { MeasuredSync } from '../support/sync-driver';
import type { FeedResults } from './bench-results';
import { allOf, atMost, figure, type Figure } from './figure';

const MB = 1024 * 1024;

/** Where a run's time went (seconds per activity, from its history) and what it wrote. */
function runDetail(run: MeasuredSync): Record<string, unknown> {
  return {
    phases: run.phases,
    counts: run.summary.counts,
    outcome: run.summary.outcome,
    indexOps: run.indexOps,
    cpuSeconds: run.cpuSeconds,
    feedMb: (run.summary.bytes ?? 0) / MB,
  };
}

/** The sync figures: time against the parts measured alone, memory, history, no-ops, small changes. */
export function syncFigures(r: FeedResults): Figure[] {
  const { parseAndBulk: alone, syncs, largeFeed } = r;
  const e2e = syncs.full.seconds;
  const parts = alone.parseSeconds + alone.bulkSeconds;
  const events = alone.events;
  const vsEndToEnd = (name: string, run: MeasuredSync) =>
    figure(name, run.seconds, 's', { baseline: ['end_to_end', e2e], detail: runDetail(run) });
  const written = (name: string, run: MeasuredSync) =>
    figure(name, run.docsWritten, 'docs', {
      baseline: ['events in feed', events],
      goal: atMost(0),
      detail: { indexOps: run.indexOps, counts: run.summary.counts, outcome: run.summary.outcome },
    });
  const peak = syncs.full.memory.peakRssMb;
  return [
    figure('sync.end_to_end_s', e2e, 's', {
      baseline: ['parse_only + bulk_only', parts],
      detail: runDetail(syncs.full),
    }),
    figure('sync.ratio', e2e / parts, 'x', { goal: atMost(1.5) }),
    figure('sync.fetch_only_s', alone.fetchSeconds, 's', { baseline: ['end_to_end', e2e] }),
    figure('sync.parse_only_s', alone.parseSeconds, 's', {
      baseline: ['end_to_end', e2e],
      detail: { events, rejected: alone.rejected, mbPerS: r.feedBytes / MB / alone.parseSeconds },
    }),
    figure('sync.bulk_only_s', alone.bulkSeconds, 's', {
      baseline: ['end_to_end', e2e],
      detail: {
        counts: alone.bulkCounts,
        eventsPerS: events / alone.bulkSeconds,
        coldNodeSeconds: alone.warmupSeconds,
        cpuSeconds: alone.bulkCpuSeconds,
      },
    }),
    figure('sync.worker_peak_rss_mb', peak, 'MB', {
      baseline: ['worker idle RSS', syncs.full.memory.startRssMb],
      goal: atMost(300, 'value', ' MB'),
      detail: {
        peakByPhase: syncs.full.peakRssMbByPhase,
        hwmMbIncludingStartup: syncs.full.memory.hwmMb,
        feedMb: r.feedBytes / MB,
      },
    }),
    figure('sync.worker_peak_rss_mb_2x', largeFeed.memory.peakRssMb, 'MB', {
      baseline: ['worker_peak_rss_mb', peak],
      goal: allOf(atMost(300, 'value', ' MB'), atMost(1.2, 'ratio')),
      detail: {
        idleRssMb: largeFeed.memory.startRssMb,
        peakByPhase: largeFeed.peakRssMbByPhase,
        hwmMbIncludingStartup: largeFeed.memory.hwmMb,
        feedMb: r.largeFeedBytes / MB,
      },
    }),
    vsEndToEnd('sync.end_to_end_2x_s', largeFeed),
    figure('sync.history_bytes', syncs.full.historyBytes, 'B', {
      baseline: ['history of the no-op run', syncs.noop.historyBytes],
      goal: atMost(100 * 1024, 'value', ' B'),
      detail: { largeFeedHistoryBytes: largeFeed.historyBytes },
    }),
    vsEndToEnd('sync.noop_s', syncs.noop),
    written('sync.noop_docs_written', syncs.noop),
    vsEndToEnd('sync.noop_bytes_changed_s', syncs.noopBytesChanged),
    written('sync.noop_bytes_changed_docs_written', syncs.noopBytesChanged),
    vsEndToEnd('sync.one_percent_s', syncs.onePercent),
    figure('sync.one_percent_docs_written', syncs.onePercent.docsWritten, 'docs', {
      baseline: ['events the 1% feed changed', syncs.onePercentExpected],
      goal: atMost(1, 'ratio'),
      detail: {
        shareOfFeed: syncs.onePercent.docsWritten / events,
        indexOps: syncs.onePercent.indexOps,
        counts: syncs.onePercent.summary.counts,
      },
    }),
    figure('sync.visible_after_s', syncs.visibleAfterSeconds, 's', {
      baseline: ['API generation poll period', DEFAULT_GENERATION_POLL_MS / 1000],
      goal: atMost(2, 'value', ' s'),
      detail: { window: syncs.window },
    }),
  ];
}
