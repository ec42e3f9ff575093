import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { splitSyncRunId } from '../domain/sync-run-id';

/**
 * Whether the sync run `runId` (`<workflow id>#<first run id>`, see syncRunId) is still running.
 * Unreadable ids and unanswered questions count as open: the caller only deletes what has surely ended.
 */
export async function syncRunIsOpen(client: Client, runId: string): Promise<boolean> {
  const ids = splitSyncRunId(runId);
  if (!ids) return true;
  const handle = client.workflow.getHandle(ids.workflowId, ids.firstExecutionRunId);
  try {
    return (await handle.describe()).status.name === 'RUNNING';
  } catch (error) {
    return !(error instanceof WorkflowNotFoundError);
  }
}
