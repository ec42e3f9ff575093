/**
 * Id of a sync run: the workflow id, which every run of a provider shares, and its first execution's
 * whole run id. The whole id: run ids are UUIDv7, whose first 8 hex digits are a timestamp shared by
 * every run of the same minute.
 */
export function syncRunId(workflowId: string, firstExecutionRunId: string): string {
  return `${workflowId}#${firstExecutionRunId}`;
}
