import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PartnerRequestEntry } from '../../src/simulator/partners/partner-request-log';
import type { BenchOptions } from '../bench-options';
import type { MachineInfo } from '../support/machine-info';
import type { Figure } from './figure';

/** What `bench/results/latest.json` holds. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  /** busyPctBeforeSearchRounds is null when the feed's scenarios did not run (BENCH_ONLY). */
  background: {
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    busyPctBeforeSearchRounds: number | null;
  };
  /** The feeds' sizes are null when the feed's scenarios did not run. */
  options: BenchOptions & { feedBytes: number | null; largeFeedBytes: number | null };
  /** By name, e.g. `sync.end_to_end_s`. */
  figures: Record<string, Figure>;
  /**
   * What the partner received during the partner group's month window (the simulator's log), so every
   * `partner.*` figure can be recomputed; null when the group did not run.
   */
  partnerRequests: PartnerRequestEntry[] | null;
  goals: { met: number; unmet: string[] };
}

/** Writes the report as JSON to `file`, creating its folder. */
export function writeResults(file: string, report: BenchReport): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
