import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { RunSummary } from '../../../../src/schedules/sync-control';
import { syncProviderWorkflow } from '../../../../src/workflows/sync-provider-workflow';

/** Runs one sync of `fever` to its end on a worker of its own task queue, with these activities. */
export async function runFeverSync(
  connection: NativeConnection,
  client: Client,
  taskQueue: string,
  activities: object,
): Promise<RunSummary> {
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('../../../../src/workflows'),
    activities,
  });
  return worker.runUntil(
    client.workflow.execute(syncProviderWorkflow, {
      taskQueue,
      workflowId: taskQueue,
      args: [{ providerId: 'fever' }],
    }),
  );
}
