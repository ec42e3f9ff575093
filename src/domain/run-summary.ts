/** How a sync run ended (or `running` while it goes on). */
export type RunOutcome = 'succeeded' | 'unchanged' | 'failed' | 'superseded' | 'paused' | 'running';

/** What a partner window's run asked of the partner; absent for whole-feed runs. */
export interface PartnerRunCounts {
  /** (product, date) pairs in the window. */
  pairs: number;
  /** Pairs left out because they were fetched within their window's period (a run on resume). */
  skipped: number;
  /** HTTP requests made, retries included. */
  requests: number;
  /** Answers that were 429 Too Many Requests. */
  rateLimited: number;
  /** Pairs whose every attempt failed; the window went on without them. */
  failed: number;
  /** The first failed pairs and why. */
  failures: { productId: string; date: string; error: string }[];
}

/** What a run did to the provider's events. */
export interface RunCounts {
  seen: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  unlisted: number;
}

/** Summary of one sync run, as the admin API returns it. */
export interface RunSummary {
  runId: string;
  workflowId: string;
  providerId: string;
  outcome: RunOutcome;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  bytes: number | null;
  counts: RunCounts;
  error: string | null;
  /** What the run covered: `feed` (a whole feed) or a partner's window name. */
  scope: string;
  partner: PartnerRunCounts | null;
}

/** A run as the sync-runs index records it: the summary plus the fields ops filter on. */
export interface RunRecord extends RunSummary {
  sha256: string | null;
  errorType: string | null;
  /** Events not written because the indexed data was newer than the run's feed. */
  superseded: number;
}

/** Which run: its ids and when it started. */
export interface RunIdentity {
  runId: string;
  workflowId: string;
  providerId: string;
  startedAt: string;
  /** `feed` when absent. */
  scope?: string;
}

/** What a run found and did, for {@link finishedRun}. */
export interface RunResult {
  outcome: Exclude<RunOutcome, 'running'>;
  bytes: number | null;
  sha256: string | null;
  counts: RunCounts;
  superseded: number;
  failure: { type: string | null; message: string } | null;
  partner?: PartnerRunCounts;
}

const NO_COUNTS: RunCounts = { seen: 0, new: 0, changed: 0, unchanged: 0, rejected: 0, unlisted: 0 };

/** A run that has started and not ended yet. */
export function runningRun(run: RunIdentity): RunSummary {
  return {
    ...identity(run),
    outcome: 'running',
    finishedAt: null,
    durationMs: null,
    bytes: null,
    counts: { ...NO_COUNTS },
    error: null,
    scope: run.scope ?? 'feed',
    partner: null,
  };
}

/** A run that ended at `finishedAt`, as it is recorded. */
export function finishedRun(run: RunIdentity, result: RunResult, finishedAt: Date): RunRecord {
  return {
    ...identity(run),
    outcome: result.outcome,
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - Date.parse(run.startedAt),
    bytes: result.bytes,
    counts: result.counts,
    error: result.failure?.message ?? null,
    sha256: result.sha256,
    errorType: result.failure?.type ?? null,
    superseded: result.superseded,
    scope: run.scope ?? 'feed',
    partner: result.partner ?? null,
  };
}

function identity(run: RunIdentity): RunIdentity {
  return {
    runId: run.runId,
    workflowId: run.workflowId,
    providerId: run.providerId,
    startedAt: run.startedAt,
  };
}
