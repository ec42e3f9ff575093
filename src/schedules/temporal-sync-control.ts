import { ScheduleNotFoundError, WorkflowFailedError, type Client } from '@temporalio/client';
import { runningRun } from '../domain/run-summary';
import { syncRunId } from '../domain/sync-run-id';
import type { ProviderSettings } from '../providers/provider-settings';
import type { SyncRunStore } from '../search/sync-run-store';
import type { syncProviderWorkflow } from '../workflows/sync-provider-workflow';
import type { ScheduleTarget } from './schedule-target';
import { PROVIDER_ID } from './search-attribute-keys';
import { UnknownProviderError, type ProviderStatus, type RunSummary, type SyncControl } from './sync-control';
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
    return Promise.all(
      this.providers.map(async (provider) => {
        const [schedule, lastRun] = await Promise.all([
          this.describe(provider.id),
          this.runs.recent(provider.id, 1),
        ]);
        return {
          providerId: provider.id,
          enabled: provider.enabled,
          paused: schedule?.state.paused ?? false,
          note: schedule?.state.note ?? null,
          nextRunAt: schedule?.info.nextActionTimes[0]?.toISOString() ?? null,
          lastRun: lastRun[0] ?? null,
        };
      }),
    );
  }

  /**
   * Starts the provider's run, or joins the one in progress: every run of a provider has one workflow id,
   * so Temporal itself says which run answers, at once and without asking visibility.
   */
  async syncNow(providerId: string, options: { wait: boolean }): Promise<RunSummary> {
    const provider = this.settingsOf(providerId);
    if (!provider.enabled) throw new UnknownProviderError(`provider ${providerId} is disabled`);
    const handle = await this.client.workflow.start<typeof syncProviderWorkflow>('syncProviderWorkflow', {
      workflowId: syncIdsOf(this.target.deployment, providerId).runWorkflowId,
      taskQueue: this.target.taskQueue,
      args: [{ providerId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowRunTimeout: SYNC_RUN_TIMEOUT,
      typedSearchAttributes: [{ key: PROVIDER_ID, value: providerId }],
    });
    const run = {
      runId: syncRunId(handle.workflowId, handle.firstExecutionRunId),
      workflowId: handle.workflowId,
      providerId,
      startedAt: new Date().toISOString(),
    };
    if (!options.wait) return runningRun(run);
    try {
      return await handle.result();
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      const recorded = await this.runs.find(run.runId);
      if (recorded) return recorded;
      return { ...runningRun(run), outcome: 'failed', error: error.message };
    }
  }

  async pause(providerId: string, note: string): Promise<void> {
    await this.scheduleOf(providerId).pause(note);
  }

  async resume(providerId: string, note: string): Promise<void> {
    await this.scheduleOf(providerId).unpause(note);
  }

  recentRuns(providerId: string | undefined, limit: number): Promise<RunSummary[]> {
    if (providerId !== undefined) this.settingsOf(providerId);
    return this.runs.recent(providerId, limit);
  }

  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  private settingsOf(providerId: string): ProviderSettings {
    const provider = this.providers.find((p) => p.id === providerId);
    if (!provider) throw new UnknownProviderError(`provider ${providerId} is not configured`);
    return provider;
  }

  private scheduleOf(providerId: string) {
    this.settingsOf(providerId);
    return this.client.schedule.getHandle(syncIdsOf(this.target.deployment, providerId).scheduleId);
  }

  private async describe(providerId: string) {
    try {
      return await this.scheduleOf(providerId).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return null;
      throw error;
    }
  }
}
