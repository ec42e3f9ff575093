import type { Client as EsClient } from '@elastic/elasticsearch';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { splitSyncRunId } from '../../src/domain/sync-run-id';
import { loadProviderSettings } from '../../src/providers/provider-settings';
import type { RunSummary } from '../../src/schedules/sync-control';
import { TemporalSyncControl } from '../../src/schedules/temporal-sync-control';
import { indexNames, type IndexNames } from '../../src/search/index-names';
import { SyncRunStore } from '../../src/search/sync-run-store';
import { meterCpuSeconds } from './cpu-meter';
import { historyPhases, type HistoryPhases } from './history-phases';
import type { NodeChild } from './node-child';
import { peakBySpan, sampleRss, type RssSample } from './rss-sampler';

/** One sync of provider `fever`, as the bench saw it. */
export interface MeasuredSync {
  /** From the trigger to the run's result (TemporalSyncControl.syncNow with wait). */
  seconds: number;
  summary: RunSummary;
  /** new + changed + unlisted, from the run's counts. */
  docsWritten: number;
  /** index_total delta of the events index: what Elasticsearch says was written. */
  indexOps: number;
  /** Size of the run's workflow history, protobuf-encoded. */
  historyBytes: number;
  /** Seconds per activity type, from the history. */
  phases: Record<string, number>;
  /** The worker's memory during the run. */
  memory: RssSample;
  /** The worker's highest RSS during each activity. */
  peakRssMbByPhase: Record<string, number>;
  /** CPU seconds Elasticsearch (null when the bench did not start it) and the worker used during the run. */
  cpuSeconds: { elasticsearch: number | null; worker: number };
  /** performance.now() when the result arrived. */
  endedAt: number;
}

/** Triggers and measures syncs of one index set through the schedule its worker created. */
export class SyncDriver {
  readonly indices: IndexNames;
  private readonly control: TemporalSyncControl;

  constructor(
    private readonly temporalClient: Client,
    private readonly elasticsearch: EsClient,
    providersFile: string,
    prefix: string,
    private readonly elasticsearchPid: number | null,
  ) {
    this.indices = indexNames(prefix);
    const providers = loadProviderSettings(providersFile, { env: () => undefined });
    this.control = new TemporalSyncControl(
      temporalClient,
      providers,
      new SyncRunStore(elasticsearch, this.indices),
      // The bench's app processes use the prefix as their task queue too (app-processes.ts).
      { taskQueue: prefix, deployment: prefix },
    );
  }

  /** Runs one sync to its end while sampling the worker's RSS; throws when the run fails or the worker dies. */
  async sync(worker: NodeChild): Promise<MeasuredSync> {
    const opsBefore = await this.indexTotal();
    const rss = sampleRss(worker.pid);
    const workerCpu = meterCpuSeconds([worker.pid]);
    const elasticsearchCpu = this.elasticsearchPid === null ? null : meterCpuSeconds([this.elasticsearchPid]);
    const started = performance.now();
    const summary = await Promise.race([
      this.control.syncNow('fever', { wait: true }),
      workerDeath(worker),
    ]).catch((error: unknown) => {
      rss.stop();
      throw error;
    });
    const endedAt = performance.now();
    const memory = rss.stop();
    const cpuSeconds = { elasticsearch: elasticsearchCpu?.stop() ?? null, worker: workerCpu.stop() };
    if (summary.outcome === 'failed') throw new Error(`sync ${summary.runId} failed: ${summary.error}`);
    const history = await this.history(summary);
    return {
      seconds: (endedAt - started) / 1000,
      summary,
      docsWritten: summary.counts.new + summary.counts.changed + summary.counts.unlisted,
      indexOps: (await this.indexTotal()) - opsBefore,
      historyBytes: history.bytes,
      phases: history.phases.seconds,
      memory,
      peakRssMbByPhase: peakBySpan(memory, history.phases.spans),
      cpuSeconds,
      endedAt,
    };
  }

  private async indexTotal(): Promise<number> {
    const stats = await this.elasticsearch.indices.stats({ index: this.indices.events, metric: 'indexing' });
    return stats._all.primaries?.indexing?.index_total ?? 0;
  }

  private async history(summary: RunSummary): Promise<{ bytes: number; phases: HistoryPhases }> {
    const { workflowId, firstExecutionRunId } = splitSyncRunId(summary.runId)!;
    const history = await this.temporalClient.workflow
      .getHandle(workflowId, firstExecutionRunId)
      .fetchHistory();
    return {
      bytes: temporal.api.history.v1.History.encode(history).finish().length,
      phases: historyPhases(history),
    };
  }
}

/** Rejects when the worker exits: its run would otherwise wait for a worker that never comes back. */
async function workerDeath(worker: NodeChild): Promise<never> {
  const code = await worker.exited;
  throw new Error(`${worker.name} exited (${code}) during the sync; see ${worker.logFile}`);
}
