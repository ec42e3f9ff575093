import {
  ScheduleNotFoundError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import { runningRun } from '../domain/run-summary';
import { syncRunId } from '../domain/sync-run-id';
import { WHOLE_FEED, type SyncScope } from '../domain/sync-scope';
import { requestPlan } from '../providers/availability-json/request-plan';
import type { ProviderSettings } from '../providers/provider-settings';
import { scheduledScopes } from '../providers/scheduled-scopes';
import type { SyncRunStore } from '../search/sync-run-store';
import { pauseWindowSignal } from '../workflows/sync-partner-window-workflow';
import type { ScheduleTarget } from './schedule-target';
import { PROVIDER_ID } from './search-attribute-keys';
import {
  InvalidWindowError,
  UnknownProviderError,
  type ProviderStatus,
  type RunSummary,
  type SyncControl,
  type WindowStatus,
} from './sync-control';
import { SYNC_RUN_TIMEOUT, syncIdsOf } from './sync-ids';

/** SyncControl over Temporal (runs, Schedules: state, pause) and the sync-runs index (history). */
export class TemporalSyncControl implements SyncControl {
  constructor(
    private readonly client: Client,
    private readonly providers: ProviderSettings[],
    private readonly runs: SyncRunStore,
    private readonly target: ScheduleTarget,
  ) {}

  async listProviders(): Promise<ProviderStatus[]> {
    return Promise.all(this.providers.map((provider) => this.statusOf(provider)));
  }

  /**
   * Starts the scope's run, or joins the one in progress: every run of a scope has one workflow id,
   * so Temporal itself says which run answers, at once and without asking visibility.
   */
  async syncNow(
    providerId: string,
    options: { wait: boolean; window?: string; skipFresh?: boolean },
  ): Promise<RunSummary> {
    const provider = this.settingsOf(providerId);
    if (!provider.enabled) throw new UnknownProviderError(`provider ${providerId} is disabled`);
    const scope = scopeOf(provider, options.window);
    const handle = await this.client.workflow.start(
      scope.type === 'feed' ? 'syncProviderWorkflow' : 'syncPartnerWindowWorkflow',
      {
        workflowId: syncIdsOf(this.target.deployment, providerId, scope).runWorkflowId,
        taskQueue: this.target.taskQueue,
        args: [
          scope.type === 'feed'
            ? { providerId }
            : { providerId, window: scope.window, skipFresh: options.skipFresh ?? false },
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowRunTimeout: SYNC_RUN_TIMEOUT,
        typedSearchAttributes: [{ key: PROVIDER_ID, value: providerId }],
      },
    );
    const run = {
      runId: syncRunId(handle.workflowId, handle.firstExecutionRunId),
      workflowId: handle.workflowId,
      providerId,
      startedAt: new Date().toISOString(),
      scope: scope.type === 'feed' ? 'feed' : scope.window,
    };
    if (!options.wait) return runningRun(run);
    try {
      return (await handle.result()) as RunSummary;
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      const recorded = await this.runs.find(run.runId);
      if (recorded) return recorded;
      return { ...runningRun(run), outcome: 'failed', error: error.message };
    }
  }

  async pause(providerId: string, note: string): Promise<void> {
    const provider = this.settingsOf(providerId);
    for (const { scope } of scheduledScopes(provider)) {
      await this.scheduleOf(providerId, scope).pause(note);
      // A paused schedule starts nothing new; a partner's running window must also stop asking.
      if (scope.type === 'window') await this.stopWindow(providerId, scope);
    }
  }

  /** Resumes every schedule; a partner's nearest window runs at once, leaving out what is still fresh. */
  async resume(providerId: string, note: string): Promise<void> {
    const provider = this.settingsOf(providerId);
    for (const { scope } of scheduledScopes(provider)) await this.scheduleOf(providerId, scope).unpause(note);
    if (provider.kind === 'availability-json' && provider.enabled)
      await this.syncNow(providerId, {
        wait: false,
        window: nearestWindow(provider.windows),
        skipFresh: true,
      });
  }

  recentRuns(providerId: string | undefined, limit: number): Promise<RunSummary[]> {
    if (providerId !== undefined) this.settingsOf(providerId);
    return this.runs.recent(providerId, limit);
  }

  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  private async statusOf(provider: ProviderSettings): Promise<ProviderStatus> {
    const scopes = scheduledScopes(provider);
    const [schedules, lastRun] = await Promise.all([
      Promise.all(scopes.map(({ scope }) => this.describe(provider.id, scope))),
      this.runs.recent(provider.id, 1),
    ]);
    const nextRuns = schedules.flatMap((s) => s?.info.nextActionTimes[0]?.toISOString() ?? []).sort();
    const windows: WindowStatus[] =
      provider.kind === 'availability-json'
        ? Object.entries(provider.windows).map(([window, settings], i) => ({
            window,
            days: settings.days,
            every: settings.every,
            paused: schedules[i]?.state.paused ?? false,
            nextRunAt: schedules[i]?.info.nextActionTimes[0]?.toISOString() ?? null,
          }))
        : [];
    return {
      providerId: provider.id,
      enabled: provider.enabled,
      paused: schedules.length > 0 && schedules.every((s) => s?.state.paused ?? false),
      note: schedules.find((s) => s?.state.note)?.state.note ?? null,
      nextRunAt: nextRuns[0] ?? null,
      lastRun: lastRun[0] ?? null,
      windows,
      plan: provider.kind === 'availability-json' ? requestPlan(provider) : null,
    };
  }

  private async stopWindow(providerId: string, scope: SyncScope): Promise<void> {
    const { runWorkflowId } = syncIdsOf(this.target.deployment, providerId, scope);
    try {
      await this.client.workflow.getHandle(runWorkflowId).signal(pauseWindowSignal);
    } catch (error) {
      // No run of that window is going: nothing to stop.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  private settingsOf(providerId: string): ProviderSettings {
    const provider = this.providers.find((p) => p.id === providerId);
    if (!provider) throw new UnknownProviderError(`provider ${providerId} is not configured`);
    return provider;
  }

  private scheduleOf(providerId: string, scope: SyncScope) {
    this.settingsOf(providerId);
    return this.client.schedule.getHandle(syncIdsOf(this.target.deployment, providerId, scope).scheduleId);
  }

  private async describe(providerId: string, scope: SyncScope) {
    try {
      return await this.scheduleOf(providerId, scope).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return null;
      throw error;
    }
  }
}

/** The scope a trigger names: a feed takes no window, a partner needs one of its own. */
function scopeOf(provider: ProviderSettings, window: string | undefined): SyncScope {
  if (provider.kind === 'xml-event-list') {
    if (window === undefined) return WHOLE_FEED;
    throw new InvalidWindowError(`provider ${provider.id} syncs its whole feed; it has no windows`);
  }
  const names = Object.keys(provider.windows);
  if (window !== undefined && names.includes(window)) return { type: 'window', window };
  throw new InvalidWindowError(
    `provider ${provider.id} syncs by window: name one of ${names.join(', ')} (?window=${names[0]})`,
  );
}

/** The window that starts nearest today. */
function nearestWindow(windows: Record<string, { days: [number, number] }>): string {
  return Object.entries(windows).sort(([, a], [, b]) => a.days[0] - b.days[0])[0]![0];
}
