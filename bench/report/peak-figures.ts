import type { PeakRun, PeakTargetResult, SearchPeakResult } from '../scenarios/search-peak';
import { PEAK_P99_GOAL_MS } from '../scenarios/search-peak';
import { atMost, figure, type Figure } from './figure';

/** The run at `rate`, or a run that measured nothing (it then fails any goal). */
function at(target: PeakTargetResult, rate: number): PeakRun {
  return (
    target.runs.find((r) => r.rate === rate) ?? {
      rate,
      requests: 0,
      p50Ms: Infinity,
      p99Ms: Infinity,
      maxMs: Infinity,
      errors: Infinity,
      hitRatio: 0,
      distinctWindows: 0,
      maxSendLagMs: 0,
      apiCpuPct: 0,
      elasticsearchCpuPct: 0,
      holds: false,
    }
  );
}

/** p99 at a rate, against the p99 of the low rate run after priming; the goal holds only with no errors at that rate. */
function p99Figure(name: string, target: PeakTargetResult, rate: number): Figure {
  const run = at(target, rate);
  const goal = atMost(PEAK_P99_GOAL_MS, 'value', ' ms at 0 errors');
  return figure(name, run.p99Ms, 'ms', {
    baseline: [`p99 at ${target.warmUp.rate}/s after priming`, target.warmUp.p99Ms],
    goal: { text: goal.text, met: (value, ratio) => goal.met(value, ratio) && run.errors === 0 },
    detail: { ...run, processes: target.processes },
  });
}

/** The peak figures for one process and for the cluster: p99 at 5k and 10k/s, hit ratio, errors, knee. */
export function peakFigures(peak: SearchPeakResult): Figure[] {
  const { single, cluster, workingSet } = peak;
  const named = [5000, 10_000].flatMap((rate) => [at(single, rate), at(cluster, rate)]);
  return [
    p99Figure('search.peak_5k_p99_ms', single, 5000),
    p99Figure('search.peak_10k_p99_ms', single, 10_000),
    p99Figure('search.peak_cluster_5k_p99_ms', cluster, 5000),
    p99Figure('search.peak_cluster_10k_p99_ms', cluster, 10_000),
    figure('search.peak_hit_ratio', at(single, 10_000).hitRatio, 'share', {
      baseline: ['hit ratio at 5k/s', at(single, 5000).hitRatio],
      detail: {
        byRate: Object.fromEntries(single.runs.map((r) => [r.rate, r.hitRatio])),
        cluster: Object.fromEntries(cluster.runs.map((r) => [r.rate, r.hitRatio])),
        mix: peak.mix,
      },
    }),
    figure(
      'search.peak_errors',
      named.reduce((sum, r) => sum + r.errors, 0),
      'req',
      {
        baseline: ['requests at 5k and 10k/s', named.reduce((sum, r) => sum + r.requests, 0)],
        goal: atMost(0),
      },
    ),
    figure('search.peak_max_rps', single.maxRps, 'req/s', {
      baseline: ['cluster', cluster.maxRps],
      detail: { goal: `highest rate with p99 <= ${PEAK_P99_GOAL_MS} ms and no errors`, runs: single.runs },
    }),
    figure('search.peak_cluster_max_rps', cluster.maxRps, 'req/s', {
      baseline: ['one process', single.maxRps],
      detail: { processes: cluster.processes, runs: cluster.runs },
    }),
    // Not a goal: the same process with a cache holding every window of the mix, to show where misses end.
    figure('search.peak_working_set_10k_p99_ms', at(workingSet, 10_000).p99Ms, 'ms', {
      baseline: ['one process, default cache', at(single, 10_000).p99Ms],
      detail: { ...at(workingSet, 10_000), primed: workingSet.primed },
    }),
    figure('search.peak_working_set_max_rps', workingSet.maxRps, 'req/s', {
      baseline: ['one process, default cache', single.maxRps],
      detail: { runs: workingSet.runs },
    }),
  ];
}
