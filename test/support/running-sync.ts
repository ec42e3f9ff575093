import type { WorkflowHandle } from '@temporalio/client';
import type { SyncProgress } from '../../src/activities/sync-types';
import type { SyncHarness } from './sync-harness';
import { waitFor } from './wait-for';

/** Triggers the provider's sync without waiting and returns the handle of the run it started or joined. */
export async function startSync(harness: SyncHarness, providerId = 'fever'): Promise<WorkflowHandle> {
  const started = await harness.control.syncNow(providerId, { wait: false });
  const runId = started.runId.slice(started.workflowId.length + 1);
  return harness.temporal.workflow.getHandle(started.workflowId, runId);
}

/** Waits until the run reports `phase` through its progress query. */
export async function waitForPhase(
  handle: WorkflowHandle,
  phase: SyncProgress['phase'],
  timeoutMs = 120_000,
): Promise<void> {
  await waitFor(
    `phase ${phase}`,
    async () => (await handle.query<SyncProgress>('progress')).phase === phase,
    timeoutMs,
  );
}
