import {
  ActivityFailure,
  ApplicationFailure,
  defineQuery,
  log,
  patched,
  proxyActivities,
  setHandler,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { TimeoutType, type ActivityOptions, type RetryPolicy } from '@temporalio/common';
import type { BookingActivities } from '../activities/bookings/create-booking-activities';
import type { RunEnding, SyncActivities } from '../activities/create-activities';
import { NON_RETRYABLE_SYNC_FAILURES, SyncFailureType } from '../domain/sync-failure-types';
import type {
  FetchedFeed,
  IndexedFeed,
  ParsedFeed,
  SyncProgress,
  SyncRunRef,
} from '../activities/sync-types';
import { syncRunId } from '../domain/sync-run-id';
import { storageRetry } from './storage-retry';
import type { RunSummary } from '../schedules/sync-control';
import { EVENTS_INDEXED, EVENTS_REJECTED, SYNC_OUTCOME } from '../schedules/search-attribute-keys';

/** Input of one sync run. */
export interface SyncProviderInput {
  providerId: string;
}

/** Progress of the run: phase and counts so far (per-batch progress is in indexEvents' heartbeat details). */
export const progressQuery = defineQuery<SyncProgress>('progress');

/** Provider calls: a few attempts with backoff (about 30 s in all), then the run fails and says why. */
const providerRetry: RetryPolicy = {
  initialInterval: '2s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  maximumAttempts: 5,
  nonRetryableErrorTypes: NON_RETRYABLE_SYNC_FAILURES,
};

// Any worker answers; its reply is the queue only it serves, where the staging files will live.
const { claimStagingQueue, recordFailedRun } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '30s',
  retry: storageRetry,
});

/**
 * Telling zones' workflows about new capacities follows the sync, it is not part of it: bounded in time,
 * on any worker, so an outage delays a run's end by minutes at most and never fails it. A worker without
 * the booking activities (an older release) answers NotFoundError, which no retry on it can change.
 */
const { reconcileZones } = proxyActivities<BookingActivities>({
  startToCloseTimeout: '1m',
  scheduleToCloseTimeout: '3m',
  retry: { ...storageRetry, nonRetryableErrorTypes: [...NON_RETRYABLE_SYNC_FAILURES, 'NotFoundError'] },
});

/** Activities that share staging files, pinned to one worker. If that worker does not come back within
 * scheduleToStart, or a step finds its staged files gone, the workflow starts over from fetchFeed. */
function stagedActivities(taskQueue: string) {
  const pinned: ActivityOptions = {
    taskQueue,
    scheduleToStartTimeout: '2m',
    startToCloseTimeout: '30m',
    heartbeatTimeout: '20s',
  };
  const { fetchFeed } = proxyActivities<SyncActivities>({ ...pinned, retry: providerRetry });
  const { parseFeed, indexEvents, finishRun } = proxyActivities<SyncActivities>({
    ...pinned,
    retry: storageRetry,
  });
  return { fetchFeed, parseFeed, indexEvents, finishRun };
}

const MAX_WORKER_HANDOVERS = 3;

/** Pulls one provider's feed and brings the index up to date with it: fetch, parse, index, finish. */
export async function syncProviderWorkflow(input: SyncProviderInput): Promise<RunSummary> {
  const run: SyncRunRef = {
    providerId: input.providerId,
    runId: syncRunId(workflowInfo().workflowId, workflowInfo().firstExecutionRunId),
    workflowId: workflowInfo().workflowId,
    startedAt: new Date(workflowInfo().startTime).toISOString(),
  };
  const progress: SyncProgress = { phase: 'starting', bytes: null, eventsParsed: null, eventsIndexed: null };
  setHandler(progressQuery, () => progress);
  const ending: RunEnding = { feed: null, parsed: null, indexed: null, failure: null };
  try {
    const summary = await syncOnOneWorker(run, progress, ending);
    progress.phase = 'done';
    publishOutcome(summary);
    return summary;
  } catch (error) {
    progress.phase = 'failed';
    ending.failure = describeFailure(error);
    const summary = await recordFailedRun(run, ending);
    publishOutcome(summary);
    throw error;
  }
}

async function syncOnOneWorker(
  run: SyncRunRef,
  progress: SyncProgress,
  ending: RunEnding,
): Promise<RunSummary> {
  for (let handover = 0; ; handover++) {
    const staged = stagedActivities(await claimStagingQueue());
    try {
      progress.phase = 'fetching';
      const feed: FetchedFeed = (ending.feed = await staged.fetchFeed(run));
      progress.bytes = feed.bytes;
      if (!feed.unchanged) {
        progress.phase = 'parsing';
        const parsed: ParsedFeed = (ending.parsed = await staged.parseFeed(run, feed));
        progress.eventsParsed = parsed.events;
        progress.phase = 'indexing';
        const indexed: IndexedFeed = (ending.indexed = await staged.indexEvents(run, feed, parsed));
        progress.eventsIndexed = indexed.new + indexed.changed;
      }
      progress.phase = 'finishing';
      // Capacities are in the index once indexEvents is done: zones hear of them while the run finishes.
      const reconciling = tellZonesNewCapacities(run.providerId, ending.indexed);
      const summary = await staged.finishRun(run, ending);
      await reconciling;
      return summary;
    } catch (error) {
      const reason = startOverReason(error);
      if (!reason || handover + 1 >= MAX_WORKER_HANDOVERS) throw error;
      log.warn(`${reason}; starting the run over from fetchFeed`, { handover });
      Object.assign(ending, { feed: null, parsed: null, indexed: null });
    }
  }
}

/**
 * After a run wrote events, signals the zones whose capacity the index now reports differently. Never
 * throws: the run does not depend on it.
 */
async function tellZonesNewCapacities(providerId: string, indexed: IndexedFeed | null): Promise<void> {
  // Runs that ended before this step existed replay (for a query) without it.
  if (!patched('sync-reconciles-zone-capacities')) return;
  if (!indexed || indexed.stale || indexed.new + indexed.changed === 0) return;
  try {
    const { signalled } = await reconcileZones(providerId);
    if (signalled > 0) log.info('zones told their new capacities', { signalled });
  } catch (error) {
    // Zones keep their last capacity until the next run that writes events; the run itself went fine.
    const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
    log.warn('zone capacities not reconciled', { error: (cause as Error).message });
  }
}

/** Why the run cannot go on where its staged files are, or null when the failure is the run's end. */
function startOverReason(error: unknown): string | null {
  if (!(error instanceof ActivityFailure)) return null;
  const { cause } = error;
  if (cause instanceof TimeoutFailure && cause.timeoutType === TimeoutType.SCHEDULE_TO_START)
    return 'the staging worker did not pick up the next step';
  if (cause instanceof ApplicationFailure && cause.type === SyncFailureType.StagedFilesMissing)
    return `${error.activityType} found its staged files missing`;
  return null;
}

function describeFailure(error: unknown): { type: string | null; message: string } {
  const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
  const activity = error instanceof ActivityFailure ? `${error.activityType}: ` : '';
  if (cause instanceof ApplicationFailure)
    return { type: cause.type ?? null, message: `${activity}${cause.message}` };
  if (cause instanceof TimeoutFailure)
    return { type: 'Timeout', message: `${activity}timed out (${cause.timeoutType})` };
  return { type: null, message: `${activity}${(cause as Error).message}` };
}

function publishOutcome(summary: RunSummary): void {
  upsertSearchAttributes({
    [SYNC_OUTCOME.name]: [summary.outcome],
    [EVENTS_INDEXED.name]: [summary.counts.new + summary.counts.changed],
    [EVENTS_REJECTED.name]: [summary.counts.rejected],
  });
}
