import type { ProviderStatus, RunSummary, SyncControl } from '../../../../src/schedules/sync-control';
import { InvalidWindowError, UnknownProviderError } from '../../../../src/schedules/sync-control';

/** A finished run summary for `providerId`, with overrides. */
export function runSummary(providerId: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 'run-1',
    workflowId: `sync-${providerId}`,
    providerId,
    outcome: 'succeeded',
    startedAt: '2024-01-01T10:00:00.000Z',
    finishedAt: '2024-01-01T10:00:05.000Z',
    durationMs: 5000,
    bytes: 1234,
    counts: { seen: 3, new: 1, changed: 1, unchanged: 1, rejected: 0, unlisted: 0 },
    error: null,
    scope: 'feed',
    partner: null,
    ...overrides,
  };
}

/** In-memory SyncControl with one configured provider, `fever`, recording what it was asked to do. */
export class FakeSyncControl implements SyncControl {
  providers: ProviderStatus[] = [
    {
      providerId: 'fever',
      enabled: true,
      paused: false,
      note: null,
      nextRunAt: null,
      lastRun: runSummary('fever'),
      windows: [],
      plan: null,
    },
  ];
  /** What `syncNow` resolves with. */
  nextRun: RunSummary = runSummary('fever');
  /** When set, every call rejects with it (Temporal unreachable). */
  failure: Error | null = null;
  readonly calls: { method: string; args: unknown[] }[] = [];

  listProviders(): Promise<ProviderStatus[]> {
    return this.answer('listProviders', [], () => this.providers);
  }

  syncNow(providerId: string, options: { wait: boolean; window?: string }): Promise<RunSummary> {
    return this.answer('syncNow', [providerId, options], () => {
      const provider = this.known(providerId);
      const windows = provider.windows.map((w) => w.window);
      if (
        (options.window === undefined) !== (windows.length === 0) ||
        (options.window && !windows.includes(options.window))
      )
        throw new InvalidWindowError(`provider ${providerId} windows: ${windows.join(', ') || 'none'}`);
      return options.wait
        ? this.nextRun
        : { ...this.nextRun, outcome: 'running', finishedAt: null, durationMs: null };
    });
  }

  pause(providerId: string, note: string): Promise<void> {
    return this.answer('pause', [providerId, note], () => {
      Object.assign(this.known(providerId), { paused: true, note });
    });
  }

  resume(providerId: string, note: string): Promise<void> {
    return this.answer('resume', [providerId, note], () => {
      Object.assign(this.known(providerId), { paused: false, note });
    });
  }

  recentRuns(providerId: string | undefined, limit: number): Promise<RunSummary[]> {
    return this.answer('recentRuns', [providerId, limit], () => {
      if (providerId !== undefined) this.known(providerId);
      return [this.nextRun].slice(0, limit);
    });
  }

  ping(): Promise<void> {
    return this.answer('ping', [], () => undefined);
  }

  private answer<T>(method: string, args: unknown[], result: () => T): Promise<T> {
    this.calls.push({ method, args });
    if (this.failure) return Promise.reject(this.failure);
    try {
      return Promise.resolve(result());
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private known(providerId: string): ProviderStatus {
    const provider = this.providers.find((p) => p.providerId === providerId);
    if (!provider) throw new UnknownProviderError(`unknown provider: ${providerId}`);
    return provider;
  }
}
