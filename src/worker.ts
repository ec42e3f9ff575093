import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Client as EsClient } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import { createActivities } from './activities/create-activities';
import { createBookingActivities } from './activities/bookings/create-booking-activities';
import { createPartnerActivities } from './activities/partners/create-partner-activities';
import { partnerRequestsPerSecond, partnerTaskQueue } from './activities/partners/partner-task-queue';
import { zoneWorkflowId } from './bookings/zone-workflow-id';
import { loadConfig, secretFromEnv, type Config } from './config';
import { createProcessLogger } from './process-logger';
import { isProviderOfKind, loadProviderSettings, type ProviderSettings } from './providers/provider-settings';
import { ensureSchedules } from './schedules/ensure-schedules';
import { setPartnerQueueRateLimit } from './schedules/partner-queue-rate-limit';
import { scheduleTargetOf } from './schedules/schedule-target';
import { syncRunIsOpen } from './schedules/sync-run-status';
import { registerSearchAttributes } from './schedules/register-search-attributes';
import { BookingReadModel } from './search/booking-read-model';
import { createElasticsearchClient } from './search/elasticsearch-client';
import { elasticsearchConnection } from './search/elasticsearch-connection';
import { ensureIndices } from './search/ensure-indices';
import { indexNames, type IndexNames } from './search/index-names';
import { CURRENT_EVENTS_MAPPING } from './search/migration/events-mapping-target';
import { migrateEvents } from './search/migration/migrate-events';
import { describeProgress } from './search/migration/migration-progress';
import { waitForElasticsearch } from './search/wait-for-elasticsearch';
import { installTemporalLogger } from './temporal-pino-logger';
import { WORKFLOW_BUNDLE_PATH } from './workflow-bundle-path';
import { capacitySignal } from './workflows/zone-inventory-workflow';

/** A started worker process: its two Temporal workers and how to stop them. */
export interface RunningWorker {
  stagingQueue: string;
  /** Resolves when both workers have shut down. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The worker's composition root: builds clients, ensures indices, search attributes and schedules,
 * then serves the shared task queue (workflows, any-worker activities) and this worker's staging queue.
 */
export async function startWorker(
  config: Config,
  options: { ensureSchedules?: boolean } = {},
): Promise<RunningWorker> {
  const logger = createProcessLogger('worker', config.LOG_LEVEL);
  installTemporalLogger(logger);
  const providers = loadProviderSettings(config.PROVIDERS_FILE, {
    feverUrl: config.FEVER_PROVIDER_URL,
    partnerUrl: config.PARTNER_PROVIDER_URL,
    env: (name) => secretFromEnv(name),
  });
  const elasticsearch = createElasticsearchClient(elasticsearchConnection(config));
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  await waitForElasticsearch(elasticsearch, logger);
  await ensureIndices(elasticsearch, indices);
  await migrateEventsOnStart(elasticsearch, indices, logger);

  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  await registerSearchAttributes(clientConnection, config.TEMPORAL_NAMESPACE);
  const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
  if (options.ensureSchedules ?? true)
    await ensureSchedules(client, providers, scheduleTargetOf(config), logger);

  // Stable across restarts of this worker on this host, so a restarted worker resumes its own staged runs.
  const workerId = `${os.hostname()}-${createHash('sha256').update(config.STAGING_DIR).digest('hex').slice(0, 8)}`;
  const stagingQueue = `${config.TEMPORAL_TASK_QUEUE}-staging-${workerId}`;
  const activities = createActivities({
    providers,
    stagingDir: config.STAGING_DIR,
    stagingQueue,
    elasticsearch,
    indices,
    logger,
    indexBatchSize: config.INDEX_BATCH_SIZE,
    indexBatchMaxBytes: config.INDEX_BATCH_MAX_BYTES,
    isRunOpen: (runId) => syncRunIsOpen(client, runId),
  });
  const bookingActivities = createBookingActivities({
    readModel: new BookingReadModel(elasticsearch, indices),
    signalZoneCapacity: (zone, observed) =>
      client.workflow
        .getHandle(zoneWorkflowId(config.ELASTICSEARCH_INDEX_PREFIX, zone))
        .signal(capacitySignal, observed),
    logger,
  });
  const partnerActivities = createPartnerActivities({
    providers,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    elasticsearch,
    indices,
    logger,
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const common = { connection, namespace: config.TEMPORAL_NAMESPACE, activities };
  // Zone workflows and their activities run on the shared queue: any worker serves any zone.
  const shared = await Worker.create({
    ...common,
    activities: {
      ...activities,
      ...bookingActivities,
      ...partnerActivities,
    },
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...workflowSource(),
  });
  const staged = await Worker.create({ ...common, taskQueue: stagingQueue });
  const partnerWorkers = await Promise.all(
    enabledPartners(providers).map(async (partner) => {
      const taskQueue = partnerTaskQueue(config.TEMPORAL_TASK_QUEUE, partner.id);
      const requestsPerSecond = partnerRequestsPerSecond(partner);
      await setPartnerQueueRateLimit(
        clientConnection,
        config.TEMPORAL_NAMESPACE,
        taskQueue,
        requestsPerSecond,
        logger,
      );
      return Worker.create({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue,
        // Only syncPair is proxied to this queue; the others are harmless here.
        activities: partnerActivities,
        // Queue-wide, like the server's setting: what holds when the server has no task queue config.
        maxTaskQueueActivitiesPerSecond: requestsPerSecond,
        maxConcurrentActivityTaskExecutions: 8,
      });
    }),
  );
  const workers = [shared, staged, ...partnerWorkers];
  logger.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, stagingQueue, providers: providers.map((p) => p.id) },
    'worker started',
  );

  const done = Promise.all(workers.map((worker) => worker.run())).then(async () => {
    await connection.close();
    await clientConnection.close();
    await elasticsearch.close();
    logger.info('worker stopped');
  });
  return {
    stagingQueue,
    done,
    async shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/**
 * Moves the events alias to this release's mapping before serving, so syncs write what the mapping
 * expects; other workers starting at the same time wait for the one that migrates (migrate-events.ts).
 */
async function migrateEventsOnStart(
  elasticsearch: EsClient,
  indices: IndexNames,
  logger: Logger,
): Promise<void> {
  const result = await migrateEvents(elasticsearch, indices, CURRENT_EVENTS_MAPPING, {
    onProgress: (progress) => logger.info({ migration: progress }, describeProgress(progress)),
  });
  if (result.outcome !== 'current') logger.info({ migration: result }, 'events index migrated');
  else if (result.index !== indices.eventsVersioned)
    logger.warn(
      { index: result.index },
      'events index is on a newer mapping than this release; left as it is',
    );
}

function enabledPartners(providers: ProviderSettings[]) {
  return providers.filter((p) => p.enabled).filter((p) => isProviderOfKind(p, 'availability-json'));
}

/** The bundle `npm run build` made when running from dist/, else the workflow sources (tests, tsx). */
function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = path.join(__dirname, '..', '..', WORKFLOW_BUNDLE_PATH);
  const fromBuild = __filename.endsWith('.js') && existsSync(bundle);
  return fromBuild
    ? { workflowBundle: { codePath: bundle } }
    : { workflowsPath: require.resolve('./workflows') };
}

if (require.main === module) {
  startWorker(loadConfig())
    .then((worker) => worker.done)
    .catch((error: Error) => {
      createProcessLogger('worker').fatal({ err: error }, 'worker failed');
      process.exit(1);
    });
}
