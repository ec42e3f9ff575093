/**
 * Id of a sync run: the workflow id (provider + schedule time, to the second) and its first
 * execution's whole run id, since two manual triggers within one second share a workflow id. The whole id:
 * run ids are UUIDv7, whose first 8 hex digits are a timestamp shared by every run of the same minute.
 */
export function syncRunId(workflowId: string, firstExecutionRunId: string): string {
  return `${workflowId}#${firstExecutionRunId}`;
}
