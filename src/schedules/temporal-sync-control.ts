import { ScheduleNotFoundError, WorkflowFailedError, type Client } from '@temporalio/client';
import { syncRunId } from '../domain/sync-run-id';
import type { ProviderSettings } from '../providers/provider-settings';
import type { SyncRunStore } from '../search/sync-run-store';
import { scheduleIdOf } from './ensure-schedules';
import { UnknownProviderError, type ProviderStatus, type RunSummary, type SyncControl } from './sync-control';

const TRIGGER_TIMEOUT_MS = 30_000;

/** A run a schedule started, as Temporal reports it. */
interface StartedRun {
  workflowId: string;
  firstExecutionRunId: string;
}

/** SyncControl over Temporal Schedules (state, trigger, pause) and the sync-runs index (history). */
export class TemporalSyncControl implements SyncControl {
  constructor(
    private readonly client: Client,
    private readonly providers: ProviderSettings[],
    private readonly runs: SyncRunStore,
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

  async syncNow(providerId: string, options: { wait: boolean }): Promise<RunSummary> {
    this.settingsOf(providerId);
    const started =
      (await this.findRun(providerId, "ExecutionStatus = 'Running'")) ?? (await this.trigger(providerId));
    const handle = this.client.workflow.getHandle(started.workflowId, started.firstExecutionRunId);
    const runId = syncRunId(started.workflowId, started.firstExecutionRunId);
    if (!options.wait) return this.running(providerId, started.workflowId, runId);
    try {
      return (await handle.result()) as RunSummary;
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      const recorded = await this.runs.find(runId);
      if (recorded) return recorded;
      return {
        ...this.running(providerId, started.workflowId, runId),
        outcome: 'failed',
        error: error.message,
      };
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

  /**
   * Triggers the schedule now and finds the run that answers it through visibility: the run it started,
   * or, when overlap policy skipped it, the run already in progress (another trigger's or the schedule's).
   */
  private async trigger(providerId: string): Promise<StartedRun> {
    await this.describeOrThrow(providerId);
    const before = await this.findRun(providerId);
    await this.scheduleOf(providerId).trigger();
    const deadline = Date.now() + TRIGGER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const running = await this.findRun(providerId, "ExecutionStatus = 'Running'");
      const newest = running ?? (await this.findRun(providerId));
      if (newest && newest.firstExecutionRunId !== before?.firstExecutionRunId) return newest;
      if (running) return running;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `the schedule of provider ${providerId} did not start a run within ${TRIGGER_TIMEOUT_MS / 1000}s`,
    );
  }

  /** The newest sync run of the provider matching `condition`, from Temporal's visibility store. */
  private async findRun(providerId: string, condition?: string): Promise<StartedRun | null> {
    // Provider ids are validated as [a-z0-9-], so they are safe inside the query's quotes.
    const filters = [`WorkflowType = 'syncProviderWorkflow'`, `ProviderId = '${providerId}'`];
    const query = [...filters, ...(condition ? [condition] : [])].join(' AND ');
    for await (const run of this.client.workflow.list({ query, pageSize: 1 })) {
      return { workflowId: run.workflowId, firstExecutionRunId: run.runId };
    }
    return null;
  }

  private running(providerId: string, workflowId: string, runId: string): RunSummary {
    return {
      runId,
      workflowId,
      providerId,
      outcome: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      durationMs: null,
      bytes: null,
      counts: { seen: 0, new: 0, changed: 0, unchanged: 0, rejected: 0, unlisted: 0 },
      error: null,
    };
  }

  private settingsOf(providerId: string): ProviderSettings {
    const provider = this.providers.find((p) => p.id === providerId);
    if (!provider) throw new UnknownProviderError(`provider ${providerId} is not configured`);
    return provider;
  }

  private scheduleOf(providerId: string) {
    this.settingsOf(providerId);
    return this.client.schedule.getHandle(scheduleIdOf(providerId));
  }

  private async describe(providerId: string) {
    try {
      return await this.scheduleOf(providerId).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return null;
      throw error;
    }
  }

  private async describeOrThrow(providerId: string) {
    const description = await this.describe(providerId);
    if (!description) throw new UnknownProviderError(`provider ${providerId} has no schedule (disabled?)`);
    return description;
  }
}
