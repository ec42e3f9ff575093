import type { RequestListener } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { BookingDesk } from '../bookings/booking-desk';
import type { ProductCatalog } from '../providers/availability-json/product-catalog';
import type { EventHistory } from '../search/event-history';
import type { EventSearch } from '../search/event-search';
import type { Availability } from '../search/slots/availability';
import type { SyncControl } from '../schedules/sync-control';
import type { ApiState } from './api-state';
import { createApiMetrics } from './metrics/api-metrics';
import { BookingShortfallGauges, type ShortfallSource } from './metrics/booking-shortfall-gauges';
import { ProviderSyncGauges } from './metrics/provider-sync-gauges';
import { RequestEnvelope } from './http/request-envelope';
import { AccessLog } from './middleware/access-log';
import { adminAuth } from './middleware/admin-auth';
import { bookingAuth } from './middleware/booking-auth';
import { errorHandler } from './middleware/error-handler';
import { exchangeState } from './middleware/exchange-state';
import { unmatchedRoutes } from './middleware/unmatched-routes';
import { urlLengthLimit } from './middleware/url-length-limit';
import { loadOpenApiDocument } from './openapi/openapi-document';
import { AvailabilityResponder } from './products/availability-responder';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerBookingRoutes } from './routes/booking-routes';
import { registerDocsRoutes } from './routes/docs-routes';
import { registerEventHistoryRoute } from './routes/event-history-route';
import { registerEventRoute } from './routes/event-route';
import { registerHealthRoutes } from './routes/health-routes';
import { registerMetricsRoute } from './routes/metrics-route';
import { registerOpenApiRoute } from './routes/openapi-route';
import { registerProductRoutes } from './routes/product-routes';
import { GenerationCache } from './search/generation-cache';
import { GenerationPoller } from './search/generation-poller';
import { createSearchCache, SearchResponder } from './search/search-responder';
import { searchFastPath } from './search/search-fast-path';
import { registerSearchRoute } from './search/search-route';

/** What the API needs; `server.ts` builds the real ones, tests pass fakes. */
export interface ApiDeps {
  eventSearch: EventSearch;
  /** Where `GET /events/{id}/history` reads. */
  eventHistory: EventHistory;
  syncControl: SyncControl;
  logger: Logger;
  /** Bearer token of the admin API; without it `/admin/*` answers 404 `admin_disabled`. */
  adminToken?: string;
  /**
   * The booking desk, the consumer keys of `/bookings` (without keys the routes answer 404) and where the
   * shortfall gauges read.
   */
  bookings?: { desk: BookingDesk; apiKeys?: readonly string[]; shortfall?: ShortfallSource };
  /**
   * Partners' configured products and where their slots are read, for `/products`; without it those routes
   * do not exist. `now` says which day it is (default: the system clock).
   */
  products?: { catalog: ProductCatalog; availability: Availability; now?: () => Date };
  /** SEARCH_CACHE_ENABLED and SEARCH_CACHE_MAX_BYTES. */
  cache: { enabled: boolean; maxBytes: number };
  /** Registry `/metrics` serves; one per app. Default: a new registry with Node's default metrics. */
  registry?: Registry;
  /** How often the data generation is polled (default 300 ms); tests shorten it. */
  generationPollMs?: number;
  /** How long `/ready` waits for each dependency (default 1000 ms). */
  readyTimeoutMs?: number;
}

/** The Koa app, the request listeners that serve it, and the handle that stops its background work. */
export interface ApiApp {
  app: Koa<ApiState>;
  /**
   * What `server.ts` listens with and tests drive: every request goes through the request envelope, valid
   * `GET /search` requests are answered by the search fast path, and Koa answers everything else.
   */
  callback: RequestListener;
  /** The same envelope with Koa answering every request, the fast path's searches too: for comparisons. */
  routedCallback: RequestListener;
  /** Stops the generation poller; call it when the server closes (the timer is unref'd either way). */
  close(): void;
}

/** Builds the HTTP API (it does not listen: `server.ts` does) and starts polling the data generation. */
export function createApp(deps: ApiDeps): ApiApp {
  const logger = deps.logger;
  const registry = deps.registry ?? defaultRegistry();
  const cache = deps.cache.enabled ? createSearchCache(deps.cache.maxBytes) : null;
  const metrics = createApiMetrics(registry, () => ({ bytes: cache?.bytes ?? 0, entries: cache?.size ?? 0 }));
  const generation = new GenerationPoller(
    () => deps.eventSearch.currentGeneration(),
    logger,
    deps.generationPollMs,
  );

  const responder = new SearchResponder(deps.eventSearch, generation, cache, metrics, logger);
  const envelope = new RequestEnvelope(new AccessLog(logger, metrics));
  const router = new Router<ApiState>();
  registerSearchRoute(router, responder);
  registerEventRoute(router, deps.eventSearch);
  registerEventHistoryRoute(router, deps.eventHistory);
  registerOpenApiRoute(router, loadOpenApiDocument());
  registerDocsRoutes(router);
  registerHealthRoutes(router, { ...deps, logger });
  registerMetricsRoute(router, metrics, new ProviderSyncGauges(registry, deps.syncControl, logger));
  registerAdminRoutes(router, deps.syncControl, adminAuth(deps.adminToken, logger), () =>
    cache ? followGeneration(generation, logger) : Promise.resolve(),
  );

  if (deps.products) {
    // Dates and slots share the search cache's bytes and follow the same data generation.
    const answers = new GenerationCache(generation, cache, metrics.availabilityCache);
    registerProductRoutes(router, {
      catalog: deps.products.catalog,
      availability: deps.products.availability,
      responder: new AvailabilityResponder(answers, logger),
      now: deps.products.now ?? (() => new Date()),
    });
  }

  if (deps.bookings) {
    registerBookingRoutes(router, deps.bookings.desk, bookingAuth(deps.bookings.apiKeys, logger));
    if (deps.bookings.shortfall) new BookingShortfallGauges(registry, deps.bookings.shortfall, logger);
  }

  const app = new Koa<ApiState>();
  // Koa prints unhandled errors with console.error unless someone listens.
  app.on('error', (err: unknown) => logger.error({ err }, 'unhandled error outside the error handler'));
  app.use(exchangeState(envelope));
  app.use(errorHandler(logger));
  app.use(urlLengthLimit());
  app.use(unmatchedRoutes());
  app.use(router.routes());
  app.use(router.allowedMethods());

  const koa = app.callback();
  // Without a cache nothing reads the generation, so nothing polls it.
  if (cache) generation.start();
  return {
    app,
    callback: envelope.listener(koa, searchFastPath(responder, envelope, logger)),
    routedCallback: envelope.listener(koa),
    close: () => generation.stop(),
  };
}

/** Brings the cache to the data generation now; if Elasticsearch cannot say, the poller catches up later. */
async function followGeneration(generation: GenerationPoller, logger: Logger): Promise<void> {
  try {
    await generation.refresh();
  } catch (err) {
    logger.warn({ err }, 'data generation not read after a sync run; the poller will catch up');
  }
}

function defaultRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
