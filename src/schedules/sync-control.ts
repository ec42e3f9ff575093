import type { RunSummary } from '../domain/run-summary';
import type { RequestPlan } from '../providers/availability-json/request-plan';

export type { RunSummary };

/** A provider's schedule as ops see it. */
export interface ProviderStatus {
  providerId: string;
  enabled: boolean;
  paused: boolean;
  note: string | null;
  nextRunAt: string | null;
  lastRun: RunSummary | null;
  /** A partner's windows, each with its own schedule; empty for a whole-feed provider. */
  windows: WindowStatus[];
  /** A partner's planned requests a day against its budget; null for a whole-feed provider. */
  plan: RequestPlan | null;
}

/** One freshness window of a partner, as ops see it. */
export interface WindowStatus {
  window: string;
  days: [number, number];
  every: string | number;
  paused: boolean;
  nextRunAt: string | null;
}

/** Thrown when an admin action names a provider that is not configured. */
export class UnknownProviderError extends Error {
  override name = 'UnknownProviderError';
}

/** Thrown when a sync trigger's window does not fit the provider: missing, unknown, or given for a feed. */
export class InvalidWindowError extends Error {
  override name = 'InvalidWindowError';
}

/** What the admin API drives: Temporal Schedules and the sync-runs index. */
export interface SyncControl {
  listProviders(): Promise<ProviderStatus[]>;
  /**
   * Starts the provider's run now (or joins the one in progress) and, with `wait`, resolves when it ends.
   * A partner syncs one window at a time: `window` names it.
   */
  syncNow(providerId: string, options: { wait: boolean; window?: string }): Promise<RunSummary>;
  /** Pauses every schedule of the provider; a partner's running windows stop asking at once. */
  pause(providerId: string, note: string): Promise<void>;
  resume(providerId: string, note: string): Promise<void>;
  recentRuns(providerId: string | undefined, limit: number): Promise<RunSummary[]>;
  /** Throws when Temporal cannot be reached. */
  ping(): Promise<void>;
}
