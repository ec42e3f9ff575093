import type { RunSummary } from '../domain/run-summary';

export type { RunSummary };

/** A provider's schedule as ops see it. */
export interface ProviderStatus {
  providerId: string;
  enabled: boolean;
  paused: boolean;
  note: string | null;
  nextRunAt: string | null;
  lastRun: RunSummary | null;
}

/** Thrown when an admin action names a provider that is not configured. */
export class UnknownProviderError extends Error {
  override name = 'UnknownProviderError';
}

/** What the admin API drives: Temporal Schedules and the sync-runs index. */
export interface SyncControl {
  listProviders(): Promise<ProviderStatus[]>;
  /** Triggers the provider's schedule now (or joins the run in progress) and resolves when it ends. */
  syncNow(providerId: string, options: { wait: boolean }): Promise<RunSummary>;
  pause(providerId: string, note: string): Promise<void>;
  resume(providerId: string, note: string): Promise<void>;
  recentRuns(providerId: string | undefined, limit: number): Promise<RunSummary[]>;
  /** Throws when Temporal cannot be reached. */
  ping(): Promise<void>;
}
