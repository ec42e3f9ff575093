import type { Config } from '../config';
import type { ScheduleTarget } from './ensure-schedules';

/** The task queue and deployment (index prefix) a process's schedules and runs belong to. */
export function scheduleTargetOf(config: Config): ScheduleTarget {
  return { taskQueue: config.TEMPORAL_TASK_QUEUE, deployment: config.ELASTICSEARCH_INDEX_PREFIX };
}
