import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { SyncProgress } from '../../src/activities/sync-types';
import { splitSyncRunId } from '../../src/domain/sync-run-id';
import type { ManagedProcess } from '../../scripts/stack/managed-process';
import { runStopped } from './run-result';
import type { SyncHarness } from './sync-harness';
import { waitFor } from './wait-for';

/** Triggers the provider's sync without waiting and returns the handle of the run it started or joined. */
export async function startSync(harness: SyncHarness, providerId = 'fever'): Promise<WorkflowHandle> {
  const started = await harness.control.syncNow(providerId, { wait: false });
  const { workflowId, firstExecutionRunId } = splitSyncRunId(started.runId)!;
  return harness.temporal.workflow.getHandle(workflowId, firstExecutionRunId);
}

/**
 * Waits until the run reports `phase` through its progress query; fails at once, with the run's failure,
 * when the run ends or stops making progress first, or when one of `processes` (its worker) exits.
 */
export async function waitForPhase(
  handle: WorkflowHandle,
  phase: SyncProgress['phase'],
  options: { timeoutMs?: number; processes?: ManagedProcess[] } = {},
): Promise<void> {
  await waitFor(
    `run ${handle.workflowId} to reach phase ${phase}`,
    async () => (await handle.query<SyncProgress>('progress')).phase === phase,
    { ...options, intervalMs: 200, impossible: () => runStopped(handle) },
  );
}

type PendingActivity = temporal.api.workflow.v1.IPendingActivityInfo;

/** Waits until the run's indexEvents attempt has recorded a checkpoint (heartbeat details) on the server. */
export async function waitForCheckpoint(
  handle: WorkflowHandle,
  options: { timeoutMs?: number; processes?: ManagedProcess[] } = {},
): Promise<void> {
  await waitForPendingActivity(
    handle,
    `an indexEvents checkpoint of run ${handle.workflowId}`,
    (activity) =>
      activity.activityType?.name === 'indexEvents' && (activity.heartbeatDetails?.payloads?.length ?? 0) > 0,
    options,
  );
}

/** Waits until an activity of the run has failed an attempt and is to be retried; returns that activity. */
export async function waitForFailedAttempt(
  handle: WorkflowHandle,
  options: { timeoutMs?: number; processes?: ManagedProcess[] } = {},
): Promise<PendingActivity> {
  return waitForPendingActivity(
    handle,
    `an activity of run ${handle.workflowId} to fail an attempt`,
    (activity) => activity.lastFailure !== null && activity.lastFailure !== undefined,
    options,
  );
}

async function waitForPendingActivity(
  handle: WorkflowHandle,
  what: string,
  matches: (activity: PendingActivity) => boolean,
  options: { timeoutMs?: number; processes?: ManagedProcess[] },
): Promise<PendingActivity> {
  return waitFor(what, async () => (await handle.describe()).raw.pendingActivities?.find(matches), {
    ...options,
    intervalMs: 200,
    impossible: () => runStopped(handle),
  });
}
