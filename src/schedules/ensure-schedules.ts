import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleSpec,
  type ScheduleSummary,
} from '@temporalio/client';
import type { Logger } from 'pino';
import { scopeName } from '../domain/sync-scope';
import type { ProviderSettings } from '../providers/provider-settings';
import { durationMs } from '../providers/provider-settings';
import { scheduledScopes, type ScheduledScope } from '../providers/scheduled-scopes';
import type { ScheduledSyncInput } from '../workflows/scheduled-sync-workflow';
import type { ScheduleTarget } from './schedule-target';
import { PROVIDER_ID } from './search-attribute-keys';
import { syncIdsOf } from './sync-ids';

/** The memo that marks a schedule as this service's, for one deployment (index prefix). */
export type ScheduleMark = {
  managedBy: typeof MANAGED_BY;
  deployment: string;
  providerId: string;
  /** The scope the schedule syncs: `feed`, or a partner's window. */
  scope?: string;
};

const MANAGED_BY = 'event-hub';

/**
 * Creates or updates one Schedule per scope of each enabled provider from the configuration (keeping a
 * pause ops set), and deletes this deployment's schedules of providers or windows that are gone or disabled. Schedules it did not
 * create (other deployments', other services') are left alone. Safe to run on every worker start, also
 * by several workers of the deployment at once: a schedule another one created or deleted in between is
 * updated, or left deleted.
 */
export async function ensureSchedules(
  client: Client,
  providers: ProviderSettings[],
  target: ScheduleTarget,
  logger: Logger,
): Promise<void> {
  const enabled = providers.filter((p) => p.enabled);
  const scoped = enabled.flatMap((provider) =>
    scheduledScopes(provider).map((scheduled) => ({ provider, scheduled })),
  );
  for (const { provider, scheduled } of scoped) {
    const options = scheduleOptions(provider, scheduled, target);
    try {
      await updateSchedule(client, options);
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      try {
        await client.schedule.create(options);
        logger.info({ scheduleId: options.scheduleId }, 'schedule created');
        continue;
      } catch (createError) {
        // Another worker of this deployment created it since: it takes this configuration all the same.
        if (!(createError instanceof ScheduleAlreadyRunning)) throw createError;
      }
      await updateSchedule(client, options);
    }
    logger.info({ scheduleId: options.scheduleId }, 'schedule updated');
  }
  const wanted = new Set(
    scoped.map(
      ({ provider, scheduled }) => syncIdsOf(target.deployment, provider.id, scheduled.scope).scheduleId,
    ),
  );
  for await (const schedule of client.schedule.list()) {
    if (wanted.has(schedule.scheduleId)) continue;
    if (isOwnedBy(schedule, target.deployment)) {
      await deleteSchedule(client, schedule.scheduleId);
      logger.info({ scheduleId: schedule.scheduleId }, 'schedule of a removed or disabled provider deleted');
    } else if (await isUnmarkedPredecessor(client, schedule, providers, target.taskQueue)) {
      await deleteSchedule(client, schedule.scheduleId);
      logger.info(
        { scheduleId: schedule.scheduleId },
        'schedule of an earlier version of this service deleted',
      );
    }
  }
}

/** Gives an existing schedule the configuration's spec, action and policies, keeping its state (a pause). */
async function updateSchedule(client: Client, options: ScheduleOptions): Promise<void> {
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({
    ...previous,
    spec: options.spec,
    action: options.action,
    policies: options.policies,
  }));
}

/** Deletes a schedule; one another worker deleted first is gone all the same. */
async function deleteSchedule(client: Client, scheduleId: string): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleId).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}

/** True when `schedule` carries this service's mark for `deployment`. */
export function isOwnedBy(schedule: Pick<ScheduleSummary, 'memo'>, deployment: string): boolean {
  const mark = schedule.memo as Partial<ScheduleMark> | undefined;
  return mark?.managedBy === MANAGED_BY && mark.deployment === deployment;
}

/**
 * Schedules made before they were marked were named `sync-<provider>`; one of those that starts runs on
 * this deployment's task queue would keep starting runs beside the new schedule.
 */
async function isUnmarkedPredecessor(
  client: Client,
  schedule: ScheduleSummary,
  providers: ProviderSettings[],
  taskQueue: string,
): Promise<boolean> {
  if (schedule.memo?.managedBy !== undefined) return false;
  if (!providers.some((p) => schedule.scheduleId === `sync-${p.id}`)) return false;
  const { action } = await client.schedule.getHandle(schedule.scheduleId).describe();
  return action.type === 'startWorkflow' && action.taskQueue === taskQueue;
}

function scheduleOptions(provider: ProviderSettings, scheduled: ScheduledScope, target: ScheduleTarget) {
  const { schedule, scope } = scheduled;
  const spec: ScheduleSpec =
    'cron' in schedule
      ? { cronExpressions: [schedule.cron] }
      : { intervals: [{ every: durationMs(schedule.every) }] };
  const ids = syncIdsOf(target.deployment, provider.id, scope);
  const input: ScheduledSyncInput = { providerId: provider.id, runWorkflowId: ids.runWorkflowId, scope };
  const mark: ScheduleMark = {
    managedBy: MANAGED_BY,
    deployment: target.deployment,
    providerId: provider.id,
    scope: scopeName(scope),
  };
  return {
    scheduleId: ids.scheduleId,
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: 'scheduledSyncWorkflow',
      workflowId: ids.scheduledStartId,
      args: [input],
      taskQueue: target.taskQueue,
      workflowRunTimeout: '5m',
      typedSearchAttributes: [{ key: PROVIDER_ID, value: provider.id }],
    },
    memo: mark,
    // Skip is kept for the starts themselves; runs never overlap because they share one workflow id.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1m', pauseOnFailure: false },
  } satisfies ScheduleOptions;
}
