import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess, type HttpChild } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { meterCpu, waitForQuietCpu } from '../support/cpu-meter';
import { PEAK_MIX, peakWindows, zipfSequence, type PeakMix } from '../support/peak-windows';
import { attack, ensureVegeta, type VegetaSample } from '../support/vegeta';

/** What the peak holds to: p99 at most this, and no errors. */
export const PEAK_P99_GOAL_MS = 50;
/** Rates tried in turn, each for the run's duration; 5k and 10k are the figures the issue names. */
const RATES = [2500, 5000, 7500, 10_000, 15_000];
const STEP_S = 10;
/** A cache that holds every window of the mix (about 750 MB with their three codings), for the third target. */
const WORKING_SET_CACHE_BYTES = 1024 * 1024 * 1024;
/**
 * A peak arrives at a service that was already answering: the most popular windows are asked once each
 * first, a few at a time (what Elasticsearch answers without queueing), then a low rate runs as the baseline.
 */
const PRIMED_WINDOWS = 3000;
const PRIME_CONCURRENCY = 8;
const BASELINE = { rate: 500, durationS: 10 };

/** One constant-rate run over the mix. */
export interface PeakRun {
  rate: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 2xx/304, and requests without an answer. */
  errors: number;
  /** Share of answers the cache gave (`X-Cache: HIT`). */
  hitRatio: number;
  distinctWindows: number;
  /** The generator's worst lateness: when large, it (not the API) fell behind. */
  maxSendLagMs: number;
  /** CPU of the API processes and of Elasticsearch during the run, % of one core. */
  apiCpuPct: number;
  elasticsearchCpuPct: number;
  holds: boolean;
}

/** The runs against one API deployment, and the highest rate that held. */
export interface PeakTargetResult {
  processes: number;
  /** The popular windows asked once each before the runs. */
  primed: { windows: number; seconds: number; failed: number };
  /** The baseline: a low rate after priming. */
  warmUp: PeakRun;
  runs: PeakRun[];
  /** Highest rate of {@link RATES} with p99 within the goal and no errors; 0 when none held. */
  maxRps: number;
}

/** The open-loop peak of `/search`: one API process, and one process per core. */
export interface SearchPeakResult {
  mix: PeakMix;
  stepS: number;
  single: PeakTargetResult;
  cluster: PeakTargetResult;
  /** One process whose cache holds the whole mix: what the peak looks like when misses stop. */
  workingSet: PeakTargetResult;
}

/** Measures the peak against fresh API processes serving `prefix` (the index the syncs built). */
export async function measureSearchPeak(
  ctx: BenchContext,
  prefix: string,
  log: (line: string) => void,
): Promise<SearchPeakResult> {
  const vegeta = await ensureVegeta(log);
  const windows = peakWindows(PEAK_MIX);
  const run = async (api: HttpChild, rate: number, durationS: number): Promise<PeakRun> => {
    const targets = path.join(ctx.workDir, 'peak-targets.txt');
    const sequence = zipfSequence(windows, PEAK_MIX.zipfS, rate * durationS, rate);
    writeFileSync(targets, sequence.map((p) => `GET ${api.url}${p}\n`).join(''));
    await waitForQuietCpu();
    const apiCpu = meterCpu([api.child.pid]);
    const esCpu = meterCpu(ctx.elasticsearchPid === null ? [] : [ctx.elasticsearchPid]);
    const samples = await attack(vegeta, targets, rate, durationS, path.join(ctx.workDir, 'peak.bin'));
    const result = summarize(rate, samples, new Set(sequence).size, apiCpu.stop(), esCpu.stop());
    log(
      `  ${rate}/s: p99 ${result.p99Ms} ms, errors ${result.errors}, hits ${(result.hitRatio * 100).toFixed(1)}%, ` +
        `API ${result.apiCpuPct}% ES ${result.elasticsearchCpuPct}% of a core`,
    );
    return result;
  };
  const measure = async (name: string, cluster: boolean, cacheBytes?: number): Promise<PeakTargetResult> => {
    const env = cacheBytes ? { SEARCH_CACHE_MAX_BYTES: String(cacheBytes) } : undefined;
    const api = await startApiProcess(ctx, `api-peak-${name}`, prefix, { cache: true, cluster, env });
    try {
      const primed = await prime(api.url, windows.slice(0, cacheBytes ? windows.length : PRIMED_WINDOWS));
      log(
        `peak, ${name}: ${primed.windows} popular windows primed in ${primed.seconds} s; ${STEP_S} s per rate`,
      );
      const warmUp = await run(api, BASELINE.rate, BASELINE.durationS);
      const runs: PeakRun[] = [];
      for (const rate of RATES) {
        runs.push(await run(api, rate, STEP_S));
        // 5k and 10k are always measured; past them, a rate that did not hold ends the steps.
        if (rate >= 10_000 && !runs.at(-1)!.holds) break;
      }
      const held = runs.filter((r) => r.holds).map((r) => r.rate);
      return { processes: cluster ? clusterSize() : 1, primed, warmUp, runs, maxRps: Math.max(0, ...held) };
    } finally {
      await api.child.stop();
    }
  };
  return {
    mix: PEAK_MIX,
    stepS: STEP_S,
    single: await measure('one-process', false),
    cluster: await measure('cluster', true),
    workingSet: await measure('working-set-cache', false, WORKING_SET_CACHE_BYTES),
  };
}

/** Asks each of `paths` once, {@link PRIME_CONCURRENCY} at a time. */
async function prime(url: string, paths: string[]): Promise<PeakTargetResult['primed']> {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const asker = async () => {
    while (next < paths.length) {
      const response = await fetch(`${url}${paths[next++]!}`, { headers: { 'accept-encoding': 'br, gzip' } });
      await response.arrayBuffer();
      if (!response.ok) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: PRIME_CONCURRENCY }, asker));
  return { windows: paths.length, seconds: Math.round((performance.now() - started) / 100) / 10, failed };
}

function clusterSize(): number {
  return Number(process.env.BENCH_CLUSTER_WORKERS) || os.availableParallelism();
}

function summarize(
  rate: number,
  samples: VegetaSample[],
  distinctWindows: number,
  apiCpuPct: number,
  elasticsearchCpuPct: number,
): PeakRun {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const errors = samples.filter(
    (s) => s.error !== '' || (!(s.status >= 200 && s.status < 300) && s.status !== 304),
  ).length;
  const p99Ms = at(0.99);
  return {
    rate,
    requests: samples.length,
    p50Ms: at(0.5),
    p99Ms,
    maxMs: round(latencies.at(-1) ?? 0),
    errors,
    hitRatio: samples.length ? samples.filter((s) => s.cache === 'HIT').length / samples.length : 0,
    distinctWindows,
    maxSendLagMs: round(samples.reduce((max, s) => Math.max(max, s.sendLagMs), 0)),
    apiCpuPct: Math.round(apiCpuPct),
    elasticsearchCpuPct: Math.round(elasticsearchCpuPct),
    holds: errors === 0 && p99Ms <= PEAK_P99_GOAL_MS && samples.length > 0,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
