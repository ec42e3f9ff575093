import { createServer, type Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { createApp } from './api/create-app';
import { answerClientError } from './api/http/answer-client-error';
import { loadConfig, secretFromEnv, type Config } from './config';
import { TemporalBookingDesk } from './bookings/temporal-booking-desk';
import { createProcessLogger } from './process-logger';
import { ProductCatalog } from './providers/availability-json/product-catalog';
import { loadProviderSettings } from './providers/provider-settings';
import { scheduleTargetOf } from './schedules/schedule-target';
import { TemporalSyncControl } from './schedules/temporal-sync-control';
import { BookingReadModel } from './search/booking-read-model';
import { createElasticsearchClient } from './search/elasticsearch-client';
import { elasticsearchConnection } from './search/elasticsearch-connection';
import { ElasticsearchEventHistory } from './search/elasticsearch-event-history';
import { ElasticsearchEventSearch } from './search/elasticsearch-event-search';
import { ensureIndices } from './search/ensure-indices';
import { indexNames } from './search/index-names';
import { UndiciSearchTransport } from './search/search-transport';
import { ElasticsearchAvailability } from './search/slots/elasticsearch-availability';
import { SyncRunStore } from './search/sync-run-store';
import { waitForElasticsearch } from './search/wait-for-elasticsearch';

/** A listening API process and how to stop it. */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The API's composition root: clients, the Koa app, and the listening HTTP server. */
export async function startServer(config: Config): Promise<RunningServer> {
  // Asynchronous writes: under load, lines logged while a write is in flight go out together in the next
  // one instead of one write per request; pino flushes what is pending when the process exits.
  const logger = createProcessLogger('api', config.LOG_LEVEL, pino.destination({ dest: 1, sync: false }));
  const providers = loadProviderSettings(config.PROVIDERS_FILE, {
    feverUrl: config.FEVER_PROVIDER_URL,
    partnerUrl: config.PARTNER_PROVIDER_URL,
    env: (name) => secretFromEnv(name),
  });
  // Searches must fail fast when Elasticsearch is down, so the cache or a 503 answers instead.
  const connection = elasticsearchConnection(config, { requestTimeoutMs: 5000 });
  const elasticsearch = createElasticsearchClient(connection);
  const searchTransport = new UndiciSearchTransport(connection);
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  await waitForElasticsearch(elasticsearch, logger);
  await ensureIndices(elasticsearch, indices);
  // Lazy: the API answers searches even while Temporal is unreachable.
  const temporalConnection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: temporalConnection, namespace: config.TEMPORAL_NAMESPACE });
  const eventSearch = new ElasticsearchEventSearch(elasticsearch, indices, searchTransport);
  const bookingReadModel = new BookingReadModel(elasticsearch, indices);
  const desk = new TemporalBookingDesk(temporal, eventSearch, bookingReadModel, {
    deployment: config.ELASTICSEARCH_INDEX_PREFIX,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    holdTtlMs: config.BOOKING_HOLD_TTL,
    maxQuantity: config.BOOKING_MAX_QUANTITY,
    zoneConcurrency: config.BOOKING_ZONE_CONCURRENCY,
  });
  const api = createApp({
    eventSearch,
    eventHistory: new ElasticsearchEventHistory(elasticsearch, indices),
    bookings: { desk, apiKeys: config.BOOKING_API_KEYS, shortfall: bookingReadModel },
    products: {
      catalog: new ProductCatalog(providers),
      availability: new ElasticsearchAvailability(elasticsearch, indices),
    },
    syncControl: new TemporalSyncControl(
      temporal,
      providers,
      new SyncRunStore(elasticsearch, indices),
      scheduleTargetOf(config),
    ),
    logger,
    adminToken: config.ADMIN_TOKEN,
    cache: { enabled: config.SEARCH_CACHE_ENABLED, maxBytes: config.SEARCH_CACHE_MAX_BYTES },
    generationPollMs: config.SEARCH_GENERATION_POLL_MS,
  });
  const server = createServer(api.callback).listen(config.API_PORT, config.API_HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerClientError);
  const url = `http://${config.API_HOST}:${config.API_PORT}`;
  logger.info({ url }, 'API listening');
  return {
    url,
    server,
    async close() {
      api.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await temporalConnection.close();
      await Promise.all([elasticsearch.close(), searchTransport.close()]);
      logger.flush();
    },
  };
}

if (require.main === module) {
  const logger = createProcessLogger('api');
  startServer(loadConfig())
    .then((running) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          logger.info({ signal }, 'API stopping');
          void running.close().then(() => process.exit(0));
        });
      }
    })
    .catch((error: Error) => {
      logger.fatal({ err: error }, 'API failed to start');
      process.exit(1);
    });
}
