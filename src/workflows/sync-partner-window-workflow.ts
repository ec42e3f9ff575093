import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { PartnerActivities } from '../activities/partners/create-partner-activities';
import type {
  PairResult,
  WindowPlan,
  WindowRunRef,
  WindowTally,
} from '../activities/partners/partner-sync-types';
import type { RunSummary } from '../domain/run-summary';
import { NON_RETRYABLE_SYNC_FAILURES, SyncFailureType } from '../domain/sync-failure-types';
import { syncRunId } from '../domain/sync-run-id';
import { storageRetry } from './storage-retry';
import { EVENTS_INDEXED, SYNC_OUTCOME } from '../schedules/search-attribute-keys';

/** Input of one window's run; `carried` is what a run hands to its continuation. */
export interface SyncPartnerWindowInput {
  providerId: string;
  window: string;
  /** Leave out pairs fetched within the window's period (a run on resume). */
  skipFresh?: boolean;
  carried?: CarriedWindowRun;
}

/** A run's state across continue-as-new: small, so no execution's history grows with the window. */
export interface CarriedWindowRun {
  run: WindowRunRef;
  plan: WindowPlan;
  /** Pairs (plan indices) still to ask, in order. */
  pending: number[];
  tally: WindowTally;
  coolDownUntil: number;
}

/** Progress of a window's run, for the Temporal UI and tests. */
export interface WindowProgress {
  pairs: number;
  pending: number;
  inFlight: number;
  coolDownUntil: string | null;
  tally: WindowTally;
}

/** Stops dispatching requests at once: the run records what it did and ends `paused`. */
export const pauseWindowSignal = defineSignal<[]>('pauseWindow');
export const windowProgressQuery = defineQuery<WindowProgress>('windowProgress');

/** Each attempt is one request: a few, spaced, then the pair is reported failed and the window goes on. */
const requestRetry: RetryPolicy = {
  initialInterval: '5s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  maximumAttempts: 4,
  nonRetryableErrorTypes: NON_RETRYABLE_SYNC_FAILURES,
};

const { planWindow, finishWindowRun } = proxyActivities<PartnerActivities>({
  startToCloseTimeout: '1m',
  retry: storageRetry,
});

/** Requests in flight per run: the queue's rate limit paces them; more would only lengthen its backlog. */
const LANES = 4;
/** Requests per execution before continuing as new: about 1,000 history events and 60 KB of payloads. */
const REQUESTS_PER_EXECUTION = 200;
/** Failed pairs a run names in its summary; it counts them all. */
const MAX_FAILURES_NAMED = 20;

/**
 * Syncs one freshness window of a partner: asks each (product, date) pair of the window once, on the
 * partner's rate-limited task queue, writing each answer's slots as it comes. A pair that keeps failing is
 * reported and does not fail the window; a 429 holds every request until the partner's reset.
 */
export async function syncPartnerWindowWorkflow(input: SyncPartnerWindowInput): Promise<RunSummary> {
  const carried = input.carried ?? (await startRun(input));
  const { run, plan } = carried;
  const state = { ...carried, inFlight: 0, paused: false, fatal: null as ApplicationFailure | null };
  setHandler(windowProgressQuery, () => progressOf(state));
  const lanes = new CancellationScope();
  setHandler(pauseWindowSignal, () => {
    state.paused = true;
    lanes.cancel();
  });
  const { syncPair } = proxyActivities<PartnerActivities>({
    taskQueue: plan.taskQueue,
    startToCloseTimeout: '2m',
    retry: requestRetry,
    priority: { priorityKey: plan.priorityKey },
  });
  let started = 0;
  const lane = async (): Promise<void> => {
    while (!state.paused && !state.fatal && started < REQUESTS_PER_EXECUTION) {
      const index = state.pending.shift();
      if (index === undefined) return;
      if (state.coolDownUntil > Date.now()) await sleep(state.coolDownUntil - Date.now());
      started += 1;
      const pair = pairOf(plan, index);
      state.inFlight += 1;
      try {
        apply(state, index, await syncPair({ providerId: run.providerId, ...pair, runId: run.runId }));
      } catch (error) {
        if (isCancellation(error)) throw error;
        fail(state, pair, error);
      } finally {
        state.inFlight -= 1;
      }
    }
  };
  try {
    await lanes.run(() => Promise.all(Array.from({ length: LANES }, lane)));
  } catch (error) {
    if (!isCancellation(error) || !state.paused) throw error;
  }
  if (!state.paused && !state.fatal && state.pending.length > 0)
    await continueAsNew<typeof syncPartnerWindowWorkflow>({
      providerId: input.providerId,
      window: input.window,
      carried: { run, plan, pending: state.pending, tally: state.tally, coolDownUntil: state.coolDownUntil },
    });
  return finish(run, state);
}

async function startRun(input: SyncPartnerWindowInput): Promise<CarriedWindowRun> {
  const info = workflowInfo();
  const run: WindowRunRef = {
    providerId: input.providerId,
    window: input.window,
    runId: syncRunId(info.workflowId, info.firstExecutionRunId),
    workflowId: info.workflowId,
    startedAt: new Date(info.startTime).toISOString(),
  };
  const plan = await planWindow({
    providerId: input.providerId,
    window: input.window,
    skipFresh: input.skipFresh ?? false,
  });
  const pairs = plan.products.length * plan.dates.length;
  const skipped = new Set(plan.skipped);
  const pending = Array.from({ length: pairs }, (_, i) => i).filter((i) => !skipped.has(i));
  const tally: WindowTally = {
    counts: { seen: 0, new: 0, changed: 0, unchanged: 0, rejected: 0, unlisted: 0 },
    partner: { pairs, skipped: skipped.size, requests: 0, rateLimited: 0, failed: 0, failures: [] },
  };
  return { run, plan, pending, tally, coolDownUntil: 0 };
}

type RunState = CarriedWindowRun & { inFlight: number; paused: boolean; fatal: ApplicationFailure | null };

function pairOf(plan: WindowPlan, index: number): { productId: string; date: string } {
  const days = plan.dates.length;
  return { productId: plan.products[Math.floor(index / days)]!, date: plan.dates[index % days]! };
}

function apply(state: RunState, index: number, result: PairResult): void {
  const { counts, partner } = state.tally;
  partner.requests += result.requests;
  if (result.outcome === 'cooling-down') {
    if (result.rateLimited) partner.rateLimited += 1;
    state.coolDownUntil = Math.max(state.coolDownUntil, result.until);
    // Asked again first once the partner takes requests again.
    state.pending.unshift(index);
    return;
  }
  const { slots } = result;
  counts.seen += slots.new + slots.changed + slots.unchanged + result.rejected;
  counts.new += slots.new;
  counts.changed += slots.changed;
  counts.unchanged += slots.unchanged;
  counts.unlisted += slots.unavailable;
  counts.rejected += result.rejected;
}

function fail(state: RunState, pair: { productId: string; date: string }, error: unknown): void {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const { partner } = state.tally;
  partner.requests += requestsOf(cause);
  partner.failed += 1;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (partner.failures.length < MAX_FAILURES_NAMED) partner.failures.push({ ...pair, error: message });
  log.warn('partner pair failed', { ...pair, error: message });
  // A refused key or request fails every pair alike: the window stops and says why.
  if (cause instanceof ApplicationFailure && cause.type === SyncFailureType.ProviderRejectedRequest)
    state.fatal = cause;
}

/** What the pair's attempts asked of the partner, as the activity counted them. */
function requestsOf(cause: unknown): number {
  const details = cause instanceof ApplicationFailure ? cause.details : undefined;
  const counted = (details?.[0] as { requests?: unknown } | undefined)?.requests;
  return typeof counted === 'number' ? counted : 0;
}

async function finish(run: WindowRunRef, state: RunState): Promise<RunSummary> {
  const outcome = state.fatal ? 'failed' : state.paused ? 'paused' : 'succeeded';
  const failure = state.fatal ? { type: state.fatal.type ?? null, message: state.fatal.message } : null;
  const summary = await CancellationScope.nonCancellable(() =>
    finishWindowRun(run, state.tally, { outcome, failure }),
  );
  upsertSearchAttributes({
    [SYNC_OUTCOME.name]: [summary.outcome],
    [EVENTS_INDEXED.name]: [summary.counts.new + summary.counts.changed],
  });
  return summary;
}

function progressOf(state: RunState): WindowProgress {
  return {
    pairs: state.tally.partner.pairs,
    pending: state.pending.length,
    inFlight: state.inFlight,
    coolDownUntil: state.coolDownUntil > 0 ? new Date(state.coolDownUntil).toISOString() : null,
    tally: state.tally,
  };
}
