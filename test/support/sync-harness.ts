import type { Client as EsClient } from '@elastic/elasticsearch';
import { Client, Connection } from '@temporalio/client';
import type { Config } from '../../src/config';
import { scheduleTargetOf } from '../../src/schedules/schedule-target';
import { syncIdsOf, type SyncIds } from '../../src/schedules/sync-ids';
import { TemporalSyncControl } from '../../src/schedules/temporal-sync-control';
import { createElasticsearchClient } from '../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../src/search/elasticsearch-connection';
import { indexNames, type IndexNames } from '../../src/search/index-names';
import { SyncRunStore } from '../../src/search/sync-run-store';
import { loadProviderSettings } from '../../src/providers/provider-settings';
import { createSimulator, type Simulator } from '../../src/simulator/create-simulator';
import { startWorker, type RunningWorker } from '../../src/worker';
import { deleteIndices } from './delete-indices';
import { writeProvidersFile } from './providers-file';
import { registerNamespace } from './register-namespace';
import { testConfig, uniqueName } from './test-config';

/** Simulator, real worker, Temporal client and Elasticsearch client for one test file. */
export interface SyncHarness {
  config: Config;
  simulator: Simulator;
  worker: RunningWorker;
  temporal: Client;
  elasticsearch: EsClient;
  indices: IndexNames;
  control: TemporalSyncControl;
  /** Schedule and run ids of provider `fever` in this harness's deployment. */
  feverIds: SyncIds;
  /** Starts a fresh worker (after `worker.shutdown()` or a simulated crash). */
  restartWorker(): Promise<RunningWorker>;
  stop(): Promise<void>;
}

/**
 * Starts everything a sync test needs against the test servers, in a Temporal namespace registered just
 * before (as a new deployment meets it); `stop()` undoes all of it. Ids carry the harness's index prefix,
 * so harnesses would not meet in a shared namespace either (test/integration/sync/schedule-ownership).
 */
export async function startSyncHarness(
  options: { providerYaml?: string; env?: Record<string, string>; inProcessWorker?: boolean } = {},
): Promise<SyncHarness> {
  const simulator = await createSimulator();
  const config = testConfig({
    PROVIDERS_FILE: writeProvidersFile(simulator.feedUrl(), options.providerYaml),
    TEMPORAL_NAMESPACE: uniqueName('sync'),
    ...options.env,
  });
  await registerNamespace(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  // Without an in-process worker the test runs its own (a child process it can kill).
  let worker = options.inProcessWorker === false ? null : await startWorker(config);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const elasticsearch = createElasticsearchClient(elasticsearchConnection(config));
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  const providers = loadProviderSettings(config.PROVIDERS_FILE, { env: () => undefined });
  const control = new TemporalSyncControl(
    temporal,
    providers,
    new SyncRunStore(elasticsearch, indices),
    scheduleTargetOf(config),
  );
  const feverIds = syncIdsOf(config.ELASTICSEARCH_INDEX_PREFIX, 'fever');
  return {
    config,
    simulator,
    get worker() {
      if (!worker) throw new Error('this harness has no in-process worker');
      return worker;
    },
    temporal,
    elasticsearch,
    indices,
    control,
    feverIds,
    async restartWorker() {
      worker = await startWorker(config, { ensureSchedules: false });
      return worker;
    },
    async stop() {
      await temporal.schedule
        .getHandle(feverIds.scheduleId)
        .delete()
        .catch(() => undefined);
      await worker?.shutdown();
      await connection.close();
      await deleteIndices(elasticsearch, indices);
      await elasticsearch.close();
      await simulator.close();
    },
  };
}
