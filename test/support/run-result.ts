import type { WorkflowHandle } from '@temporalio/client';
import type { ManagedProcess } from '../../scripts/stack/managed-process';
import { watchExits } from './wait-for';

/** Thrown by {@link runResult} when the run itself failed; `cause` is the client's WorkflowFailedError. */
export class RunFailedError extends Error {
  override name = 'RunFailedError';
}

/**
 * The run's result, failing as soon as it cannot come: with the run's failure when it fails, when its
 * workflow task keeps failing, when one of `processes` (its worker) exits, or after `timeoutMs` with what
 * the run is still doing.
 */
export async function runResult<T>(
  handle: WorkflowHandle,
  options: { timeoutMs?: number; processes?: ManagedProcess[] } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  const exits = watchExits(options.processes ?? []);
  const result = handle.result().then(
    (value: unknown) => ({ value: value as T }),
    (error: unknown) => ({ error }),
  );
  for (;;) {
    const settled = await Promise.race([result, pause(250)]);
    if (settled && 'error' in settled) {
      throw new RunFailedError(`run ${handle.workflowId} failed: ${failureChain(settled.error)}`, {
        cause: settled.error,
      });
    }
    if (settled) return settled.value;
    const gone = exits.first() ?? (await workflowTaskFailure(handle));
    if (gone) throw new Error(`gave up waiting for the result of run ${handle.workflowId}: ${gone}`);
    if (Date.now() >= deadline) {
      throw new Error(`run ${handle.workflowId} did not end within ${timeoutMs} ms: ${await doing(handle)}`);
    }
  }
}

/** Why the run will make no more progress (it ended, or its workflow task keeps failing), else undefined. */
export async function runStopped(handle: WorkflowHandle): Promise<string | undefined> {
  const { status } = await handle.describe();
  if (status.name === 'RUNNING') return workflowTaskFailure(handle);
  const ending = await handle.result().then(
    () => 'completed',
    (error: unknown) => failureChain(error),
  );
  return `run ${handle.workflowId} ended ${status.name}: ${ending}`;
}

/** The last workflow task failure when the task is being retried (a bug or a refused command), else undefined. */
async function workflowTaskFailure(handle: WorkflowHandle): Promise<string | undefined> {
  // While the server restarts, describe fails: no answer is not a reason to give up.
  const raw = await handle.describe().then(
    (description) => description.raw,
    () => undefined,
  );
  if (!raw) return undefined;
  if ((raw.pendingWorkflowTask?.attempt ?? 1) < 2) return undefined;
  const { events } = await handle.fetchHistory();
  const failed = (events ?? []).findLast((event) => event.workflowTaskFailedEventAttributes);
  const message = failed?.workflowTaskFailedEventAttributes?.failure?.message;
  return message ? `the workflow task of run ${handle.workflowId} keeps failing: ${message}` : undefined;
}

/** The run's status and pending activities, with their attempts and last failures. */
async function doing(handle: WorkflowHandle): Promise<string> {
  const description = await handle.describe().catch((error: Error) => error);
  if (description instanceof Error) return `could not describe it (${description.message})`;
  const { status, raw } = description;
  const pending = (raw.pendingActivities ?? []).map((activity) => {
    const failure = activity.lastFailure?.message ? `, last failure: ${activity.lastFailure.message}` : '';
    return `${activity.activityType?.name} attempt ${activity.attempt ?? 1}${failure}`;
  });
  return `${status.name}; pending ${pending.length > 0 ? pending.join('; ') : 'nothing'}`;
}

/** "Workflow execution failed: Activity task failed: provider fever answered HTTP 503". */
function failureChain(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
  return messages.join(': ') || String(error);
}

function pause(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
