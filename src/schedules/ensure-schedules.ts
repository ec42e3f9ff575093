import {
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Logger } from 'pino';
import type { ProviderSettings } from '../providers/provider-settings';
import { durationMs } from '../providers/provider-settings';
import { PROVIDER_ID } from './search-attribute-keys';

const SCHEDULE_PREFIX = 'sync-';

/** Schedule id of a provider; its runs get workflow ids `sync-<provider>-<schedule time>`. */
export function scheduleIdOf(providerId: string): string {
  return `${SCHEDULE_PREFIX}${providerId}`;
}

/**
 * Creates or updates one Schedule per enabled provider from the configuration (keeping a pause ops set),
 * and deletes the schedules of providers that are gone or disabled. Safe to run on every worker start.
 */
export async function ensureSchedules(
  client: Client,
  providers: ProviderSettings[],
  taskQueue: string,
  logger: Logger,
): Promise<void> {
  const enabled = providers.filter((p) => p.enabled);
  for (const provider of enabled) {
    const options = scheduleOptions(provider, taskQueue);
    const handle = client.schedule.getHandle(options.scheduleId);
    try {
      await handle.update((previous) => ({
        ...previous,
        spec: options.spec,
        action: options.action,
        policies: options.policies,
      }));
      logger.info({ scheduleId: options.scheduleId }, 'schedule updated');
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await client.schedule.create(options);
      logger.info({ scheduleId: options.scheduleId }, 'schedule created');
    }
  }
  const wanted = new Set(enabled.map((p) => scheduleIdOf(p.id)));
  for await (const schedule of client.schedule.list()) {
    if (schedule.scheduleId.startsWith(SCHEDULE_PREFIX) && !wanted.has(schedule.scheduleId)) {
      await client.schedule.getHandle(schedule.scheduleId).delete();
      logger.info({ scheduleId: schedule.scheduleId }, 'schedule of a removed or disabled provider deleted');
    }
  }
}

function scheduleOptions(provider: ProviderSettings, taskQueue: string) {
  const spec: ScheduleSpec =
    'cron' in provider.schedule
      ? { cronExpressions: [provider.schedule.cron] }
      : { intervals: [{ every: durationMs(provider.schedule.every) }] };
  return {
    scheduleId: scheduleIdOf(provider.id),
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: 'syncProviderWorkflow',
      workflowId: scheduleIdOf(provider.id),
      args: [{ providerId: provider.id }],
      taskQueue,
      workflowRunTimeout: '2h',
      typedSearchAttributes: [{ key: PROVIDER_ID, value: provider.id }],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1m', pauseOnFailure: false },
  } satisfies ScheduleOptions;
}
