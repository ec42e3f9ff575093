import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';
import { uniqueName } from '../../../support/test-config';

/**
 * A sync harness in a Temporal namespace of its own. Every harness names its schedule `sync-fever`, and
 * a worker's start-up points that schedule at its own task queue, so two test files sharing a namespace
 * (jest runs files in parallel) would trigger each other's runs and delete each other's schedule.
 */
export async function startIsolatedSyncHarness(
  options: Parameters<typeof startSyncHarness>[0] = {},
): Promise<SyncHarness> {
  const namespace = await registerNamespace(uniqueName('sync'));
  return startSyncHarness({ ...options, env: { TEMPORAL_NAMESPACE: namespace, ...options.env } });
}

async function registerNamespace(namespace: string): Promise<string> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    // Registration is asynchronous on the server side: wait until the namespace answers.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return namespace;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await connection.close();
  }
}
