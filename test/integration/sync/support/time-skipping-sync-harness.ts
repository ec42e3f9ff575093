import type { Client as EsClient } from '@elastic/elasticsearch';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import pino from 'pino';
import { syncRunIsOpen } from '../../../../src/schedules/sync-run-status';
import { createActivities } from '../../../../src/activities/create-activities';
import { syncRunId } from '../../../../src/domain/sync-run-id';
import { loadProviderSettings } from '../../../../src/providers/provider-settings';
import { ALL_SEARCH_ATTRIBUTES } from '../../../../src/schedules/search-attribute-keys';
import type { RunSummary } from '../../../../src/schedules/sync-control';
import { createSimulator, type Simulator } from '../../../../src/simulator/create-simulator';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { SyncRunStore } from '../../../../src/search/sync-run-store';
import { syncProviderWorkflow } from '../../../../src/workflows/sync-provider-workflow';
import { deleteIndices } from '../../../support/delete-indices';
import { runResult, RunFailedError } from '../../../support/run-result';
import { writeProvidersFile } from '../../../support/providers-file';
import { testConfig } from '../../../support/test-config';
import { startTimeSkippingServer } from '../../../support/time-skipping-server';

/**
 * The sync workflow and its activities on Temporal's time-skipping test server, one server per test file
 * (its clock is global). Retry backoff passes in skipped time while a run's result is awaited; the
 * activities still fetch from the simulator and write to the test Elasticsearch node for real. The test
 * server has no schedules and no visibility queries, so runs are started directly.
 */
export interface TimeSkippingSyncHarness {
  env: TestWorkflowEnvironment;
  simulator: Simulator;
  elasticsearch: EsClient;
  indices: IndexNames;
  runs: SyncRunStore;
  /** Runs one sync of `fever` to its end; a failed run is returned as recorded, like `syncNow` does. */
  sync(): Promise<{ run: RunSummary; handle: WorkflowHandle<typeof syncProviderWorkflow> }>;
  stop(): Promise<void>;
}

/** Starts the time-skipping server, a worker on it, the simulator and fresh indices. */
export async function startTimeSkippingSyncHarness(
  options: { providerYaml?: string } = {},
): Promise<TimeSkippingSyncHarness> {
  const env = await startTimeSkippingServer();
  await addSearchAttributes(env);
  const simulator = await createSimulator();
  const config = testConfig({
    PROVIDERS_FILE: writeProvidersFile(simulator.feedUrl(), options.providerYaml),
  });
  const elasticsearch = createElasticsearchClient(elasticsearchConnection(config));
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  await ensureIndices(elasticsearch, indices);
  const taskQueue = config.TEMPORAL_TASK_QUEUE;
  const activities = createActivities({
    providers: loadProviderSettings(config.PROVIDERS_FILE, { env: () => undefined }),
    stagingDir: config.STAGING_DIR,
    // One worker serves both queues: the staged steps come back to it, as they would to a real worker.
    stagingQueue: taskQueue,
    elasticsearch,
    indices,
    logger: pino({ level: config.LOG_LEVEL }),
    indexBatchSize: config.INDEX_BATCH_SIZE,
    indexBatchMaxBytes: config.INDEX_BATCH_MAX_BYTES,
    isRunOpen: (runId) => syncRunIsOpen(env.client, runId),
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../../../src/workflows'),
    activities,
  });
  const running = worker.run();
  const runs = new SyncRunStore(elasticsearch, indices);
  let count = 0;
  return {
    env,
    simulator,
    elasticsearch,
    indices,
    runs,
    async sync() {
      count += 1;
      const handle = await env.client.workflow.start(syncProviderWorkflow, {
        taskQueue,
        workflowId: `sync-fever-${count}`,
        args: [{ providerId: 'fever' }],
      });
      const runId = syncRunId(handle.workflowId, handle.firstExecutionRunId);
      try {
        return { run: await runResult<RunSummary>(handle), handle };
      } catch (error) {
        if (!(error instanceof RunFailedError)) throw error;
        const recorded = await runs.find(runId);
        if (!recorded) throw new Error(`${error.message}, and it recorded nothing`);
        return { run: recorded, handle };
      }
    },
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await deleteIndices(elasticsearch, indices);
      await elasticsearch.close();
      await simulator.close();
    },
  };
}

/** The run publishes its outcome as search attributes, which the test server refuses unless added first. */
async function addSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const { IndexedValueType } = temporal.api.enums.v1;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      ALL_SEARCH_ATTRIBUTES.map((key) => [
        key.name,
        key.type === 'INT'
          ? IndexedValueType.INDEXED_VALUE_TYPE_INT
          : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
}
