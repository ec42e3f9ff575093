/**
 * Id of a sync run: the workflow id (provider + schedule time, to the second) and the start of its
 * first execution's run id, since two manual triggers within one second share a workflow id.
 */
export function syncRunId(workflowId: string, firstExecutionRunId: string): string {
  return `${workflowId}#${firstExecutionRunId.slice(0, 8)}`;
}
