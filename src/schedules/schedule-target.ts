import type { Config } from '../config';

/** Where a deployment's schedules and runs go: the shared task queue and the deployment (index prefix). */
export interface ScheduleTarget {
  taskQueue: string;
  deployment: string;
}

/** The task queue and deployment (index prefix) a process's schedules and runs belong to. */
export function scheduleTargetOf(config: Config): ScheduleTarget {
  return { taskQueue: config.TEMPORAL_TASK_QUEUE, deployment: config.ELASTICSEARCH_INDEX_PREFIX };
}
