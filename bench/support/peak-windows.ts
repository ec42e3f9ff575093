import { createPrng } from '../../src/simulator/generator/prng';
import { searchPath } from './search-windows';

const DAY_MS = 24 * 3600 * 1000;
/** The generated feeds' sessions start within these two years (see generated-event.ts). */
const DATA_START_MS = Date.UTC(2021, 0, 1);
const DATA_DAYS = 730;

/** How the peak's windows are drawn: how many distinct ones, their widths, and how skewed their popularity is. */
export interface PeakMix {
  windows: number;
  minDays: number;
  maxDays: number;
  /** Exponent of the Zipf law over the windows' popularity ranks: the window of rank k is asked ∝ 1/k^s. */
  zipfS: number;
}

/** A realistic peak: 10,000 distinct day-aligned windows, one day to one year wide, Zipf(1) popularity. */
export const PEAK_MIX: PeakMix = { windows: 10_000, minDays: 1, maxDays: 365, zipfS: 1 };

/**
 * The mix's distinct windows as `/search` paths, by popularity rank (rank 1 first). Widths are log-uniform
 * between the bounds (many short windows, a few very wide ones); starts fall anywhere in the data's two years.
 */
export function peakWindows(mix: PeakMix): string[] {
  const rng = createPrng(7, mix.windows);
  const paths = new Set<string>();
  while (paths.size < mix.windows) {
    const days = Math.round(mix.minDays * (mix.maxDays / mix.minDays) ** rng.next());
    const start = DATA_START_MS + rng.int(-30, DATA_DAYS - 1) * DAY_MS;
    paths.add(searchPath(iso(start), iso(start + days * DAY_MS)));
  }
  return [...paths];
}

/** `count` requests drawn from `windows` by the Zipf law, as a seeded sequence (`seed` varies it per run). */
export function zipfSequence(
  windows: readonly string[],
  zipfS: number,
  count: number,
  seed: number,
): string[] {
  const cumulative = new Float64Array(windows.length);
  let total = 0;
  for (let k = 0; k < windows.length; k++) cumulative[k] = total += 1 / (k + 1) ** zipfS;
  const rng = createPrng(11, seed);
  return Array.from({ length: count }, () => windows[firstAtLeast(cumulative, rng.next() * total)]!);
}

function firstAtLeast(sorted: Float64Array, value: number): number {
  let [low, high] = [0, sorted.length - 1];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
