import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { RunSummary, SyncControl } from '../../schedules/sync-control';

const OUTCOMES: readonly RunSummary['outcome'][] = [
  'succeeded',
  'unchanged',
  'failed',
  'superseded',
  'running',
];

/**
 * Per-provider sync gauges, refreshed from SyncControl at scrape time (never on a timer, so an idle
 * API asks Temporal nothing). The outcome is a Prometheus state set: one series per outcome, 1 for the last.
 */
export class ProviderSyncGauges {
  private readonly outcome: Gauge<'provider' | 'outcome'>;
  private readonly age: Gauge<'provider'>;
  private readonly paused: Gauge<'provider'>;
  private readonly up: Gauge;

  constructor(
    registry: Registry,
    private readonly syncControl: SyncControl,
    private readonly logger: Logger,
  ) {
    const registers = [registry];
    this.outcome = new Gauge({
      name: 'provider_last_sync_outcome',
      help: 'Outcome of the last sync run per provider (1 for the outcome it had, 0 for the others).',
      labelNames: ['provider', 'outcome'] as const,
      registers,
    });
    this.age = new Gauge({
      name: 'provider_last_sync_age_seconds',
      help: 'Seconds since the last sync run per provider finished (or started, while it runs).',
      labelNames: ['provider'] as const,
      registers,
    });
    this.paused = new Gauge({
      name: 'provider_paused',
      help: 'Whether the provider schedule is paused (1) or not (0).',
      labelNames: ['provider'] as const,
      registers,
    });
    this.up = new Gauge({
      name: 'sync_control_up',
      help: 'Whether the last scrape could read provider status.',
      registers,
    });
  }

  /** Re-reads every provider's status; on failure the provider series are dropped and `sync_control_up` is 0. */
  async refresh(now = Date.now()): Promise<void> {
    this.outcome.reset();
    this.age.reset();
    this.paused.reset();
    try {
      for (const provider of await this.syncControl.listProviders()) {
        this.paused.set({ provider: provider.providerId }, provider.paused ? 1 : 0);
        const run = provider.lastRun;
        if (!run) continue;
        for (const outcome of OUTCOMES) {
          this.outcome.set({ provider: provider.providerId, outcome }, run.outcome === outcome ? 1 : 0);
        }
        const at = Date.parse(run.finishedAt ?? run.startedAt);
        if (Number.isFinite(at))
          this.age.set({ provider: provider.providerId }, Math.max(0, (now - at) / 1000));
      }
      this.up.set(1);
    } catch (err) {
      this.logger.warn({ err }, 'metrics scrape could not read provider status');
      this.up.set(0);
    }
  }
}
