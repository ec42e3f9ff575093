import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Logger } from 'pino';

const { TaskQueueType } = temporal.api.enums.v1;

/**
 * Sets the queue-wide rate limit of a partner's task queue on the Temporal server, which every worker
 * polling it obeys. Servers without the task queue config API fall back to the limit each worker states
 * (`maxTaskQueueActivitiesPerSecond`, also queue-wide); returns which of the two holds.
 */
export async function setPartnerQueueRateLimit(
  connection: Connection,
  namespace: string,
  taskQueue: string,
  requestsPerSecond: number,
  logger: Logger,
): Promise<'server' | 'workers'> {
  try {
    await connection.workflowService.updateTaskQueueConfig({
      namespace,
      taskQueue,
      taskQueueType: TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
      identity: 'event-hub worker',
      updateQueueRateLimit: {
        rateLimit: { requestsPerSecond },
        reason: "the partner's request limit, less the queue's burst",
      },
    });
    return 'server';
  } catch (error) {
    logger.warn(
      { taskQueue, err: error },
      'the Temporal server does not take task queue rate limits; each worker of the queue states it',
    );
    return 'workers';
  }
}
