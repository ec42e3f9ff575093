/**
 * Id of a sync run: the workflow id, which every run of a provider shares, and its first execution's
 * whole run id. The whole id: run ids are UUIDv7, whose first 8 hex digits are a timestamp shared by
 * every run of the same minute.
 */
export function syncRunId(workflowId: string, firstExecutionRunId: string): string {
  return `${workflowId}#${firstExecutionRunId}`;
}

/** The workflow id and first execution's run id a sync run id (see {@link syncRunId}) was made of. */
export function splitSyncRunId(runId: string): { workflowId: string; firstExecutionRunId: string } | null {
  const separator = runId.lastIndexOf('#');
  if (separator <= 0) return null;
  return { workflowId: runId.slice(0, separator), firstExecutionRunId: runId.slice(separator + 1) };
}
