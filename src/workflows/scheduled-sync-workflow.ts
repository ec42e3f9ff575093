import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { PROVIDER_ID } from '../schedules/search-attribute-keys';
import { SYNC_RUN_TIMEOUT } from '../schedules/sync-ids';
import { syncProviderWorkflow } from './sync-provider-workflow';

/** Input the provider's Schedule gives each scheduled start. */
export interface ScheduledSyncInput {
  providerId: string;
  /** The id every run of the provider has (see sync-ids.ts). */
  runWorkflowId: string;
}

/** What a scheduled start did: started a run, or skipped because one was in progress. */
export interface ScheduledSyncOutcome {
  outcome: 'started' | 'skipped';
  runWorkflowId: string;
}

/**
 * Started by the provider's Schedule: starts the provider's run under the id every run shares, so a run
 * that is already going (scheduled or triggered by ops) makes this one skip, as the overlap policy says.
 * The run outlives this workflow; Temporal's one-running-execution-per-id rule is the lock.
 */
export async function scheduledSyncWorkflow(input: ScheduledSyncInput): Promise<ScheduledSyncOutcome> {
  try {
    await startChild(syncProviderWorkflow, {
      workflowId: input.runWorkflowId,
      args: [{ providerId: input.providerId }],
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
