import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { SyncScope } from '../domain/sync-scope';
import { PROVIDER_ID } from '../schedules/search-attribute-keys';
import { SYNC_RUN_TIMEOUT } from '../schedules/sync-ids';

/** Input the scope's Schedule gives each scheduled start. */
export interface ScheduledSyncInput {
  providerId: string;
  /** The id every run of the scope has (see sync-ids.ts). */
  runWorkflowId: string;
  /** Absent in schedules made before scopes existed: those sync a whole feed. */
  scope?: SyncScope;
}

/** What a scheduled start did: started a run, or skipped because one was in progress. */
export interface ScheduledSyncOutcome {
  outcome: 'started' | 'skipped';
  runWorkflowId: string;
}

/**
 * Started by a scope's Schedule: starts the scope's run under the id every run of it shares, so a run
 * that is already going (scheduled or triggered by ops) makes this one skip, as the overlap policy says.
 * The run outlives this workflow; Temporal's one-running-execution-per-id rule is the lock.
 */
export async function scheduledSyncWorkflow(input: ScheduledSyncInput): Promise<ScheduledSyncOutcome> {
  const scope = input.scope ?? { type: 'feed' };
  try {
    await startChild(scope.type === 'feed' ? 'syncProviderWorkflow' : 'syncPartnerWindowWorkflow', {
      workflowId: input.runWorkflowId,
      args: [
        scope.type === 'feed'
          ? { providerId: input.providerId }
          : { providerId: input.providerId, window: scope.window },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowRunTimeout: SYNC_RUN_TIMEOUT,
      typedSearchAttributes: [{ key: PROVIDER_ID, value: input.providerId }],
    });
    return { outcome: 'started', runWorkflowId: input.runWorkflowId };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { outcome: 'skipped', runWorkflowId: input.runWorkflowId };
    throw error;
  }
}
