import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';

/** How one activity of a run was retried, from the run's history (server time, skipped time included). */
export interface ActivityAttempts {
  /** The attempt that ran last: 1 when the first one settled it. */
  attempts: number;
  /** Server time from scheduling the activity to starting that last attempt: the earlier attempts and the backoff between them. */
  retryingMs: number;
}

/** Attempts of the run's first `activityType` activity. */
export async function activityAttempts(
  handle: WorkflowHandle,
  activityType: string,
): Promise<ActivityAttempts> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.find(
    (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType,
  );
  if (!scheduled) throw new Error(`run ${handle.workflowId} never scheduled ${activityType}`);
  const started = events.find(
    (event) =>
      String(event.activityTaskStartedEventAttributes?.scheduledEventId) === String(scheduled.eventId),
  );
  if (!started) throw new Error(`run ${handle.workflowId} never started ${activityType}`);
  return {
    attempts: started.activityTaskStartedEventAttributes?.attempt ?? 1,
    retryingMs: tsToMs(started.eventTime) - tsToMs(scheduled.eventTime),
  };
}
