import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { RunSummary } from '../../../../src/schedules/sync-control';
import { syncProviderWorkflow } from '../../../../src/workflows/sync-provider-workflow';

/** Runs syncs of `fever` on the test Temporal server, each on a worker of its own task queue. */
export interface FeverSyncRunner {
  /** Runs one sync to its end with these activities. */
  run(taskQueue: string, activities: object): Promise<RunSummary>;
  close(): Promise<void>;
}

/** Connects a client and a worker connection to the test server (TEMPORAL_ADDRESS). */
export async function startFeverSyncRunner(): Promise<FeverSyncRunner> {
  const address = process.env.TEMPORAL_ADDRESS;
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const workerConnection = await NativeConnection.connect({ address });
  return {
    async run(taskQueue, activities) {
      const worker = await Worker.create({
        connection: workerConnection,
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
    },
    async close() {
      await workerConnection.close();
      await connection.close();
    },
  };
}
