import { WorkflowNotFoundError, type Client } from '@temporalio/client';

/**
 * Whether the sync run `runId` (`<workflow id>#<first run id>`, see syncRunId) is still running.
 * Unreadable ids and unanswered questions count as open: the caller only deletes what has surely ended.
 */
export async function syncRunIsOpen(client: Client, runId: string): Promise<boolean> {
  const separator = runId.lastIndexOf('#');
  if (separator <= 0) return true;
  const handle = client.workflow.getHandle(runId.slice(0, separator), runId.slice(separator + 1));
  try {
    return (await handle.describe()).status.name === 'RUNNING';
  } catch (error) {
    return !(error instanceof WorkflowNotFoundError);
  }
}
