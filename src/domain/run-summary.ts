/** How a sync run ended (or `running` while it goes on). */
export type RunOutcome = 'succeeded' | 'unchanged' | 'failed' | 'superseded' | 'running';

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
}

/** What a run found and did, for {@link finishedRun}. */
export interface RunResult {
  outcome: Exclude<RunOutcome, 'running'>;
  bytes: number | null;
  sha256: string | null;
  counts: RunCounts;
  superseded: number;
  failure: { type: string | null; message: string } | null;
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
