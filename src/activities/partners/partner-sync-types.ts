import type { PartnerRunCounts, RunCounts } from '../../domain/run-summary';

/** One partner window's run, as its activities know it. */
export interface WindowRunRef {
  providerId: string;
  window: string;
  /** Id of the run in the sync-runs index (see syncRunId). */
  runId: string;
  workflowId: string;
  startedAt: string;
}

/**
 * What a window's run asks: the products and dates at the run's start, and which pairs (index
 * `product * dates.length + date`) were fetched recently enough to be left out. Compact on purpose: it
 * travels in workflow history and across continue-as-new.
 */
export interface WindowPlan {
  products: string[];
  dates: string[];
  skipped: number[];
  /** The provider's rate-limited task queue, where every request runs. */
  taskQueue: string;
  /** 1 for the window nearest today: Temporal dispatches its requests first when windows compete. */
  priorityKey: number;
}

/** One (product, date) request of a run. */
export interface PairRequest {
  providerId: string;
  productId: string;
  date: string;
  runId: string;
}

/** What one request did: synced the date's slots, or found the partner cooling down. */
export type PairResult =
  | {
      outcome: 'synced';
      /** The answer had the same hash as the pair's last one: nothing written. */
      unchanged: boolean;
      slots: { new: number; changed: number; unchanged: number; unavailable: number };
      rejected: number;
      /** Requests this pair's attempts made (1 unless earlier attempts failed). */
      requests: number;
    }
  | {
      outcome: 'cooling-down';
      /** Epoch ms until which no request may reach the partner. */
      until: number;
      /** This attempt's own request got the 429 (not just a cool-down another request started). */
      rateLimited: boolean;
      requests: number;
    };

/** A window run's tally so far, carried across continue-as-new. */
export interface WindowTally {
  counts: RunCounts;
  partner: PartnerRunCounts;
}
