import pino from 'pino';
import type { Logger } from 'pino';
import type { ApiMiddleware } from '../api-state';
import type { ApiMetrics } from '../metrics/api-metrics';
import { routeTemplate } from './route-template';

/** One answered request, as the access log and the HTTP histogram record it. */
export interface AccessEntry {
  requestId: string;
  method: string;
  /** Route template (`/events/:id`) or `unmatched`: a bounded label. */
  route: string;
  path: string;
  status: number;
  seconds: number;
  cache?: string;
}

interface PinoInternals {
  [pino.symbols.streamSym]: { write(line: string): unknown };
  [pino.symbols.chindingsSym]: string;
}

/**
 * Records answered requests: one `request` log line and one observation of `http_request_duration_seconds`.
 * Cache hits are logged at debug, everything else at info: at thousands of hits a second their lines would
 * cost more than answering them, and the hit counter and the histogram still count every one. The line is
 * the one `logger.info(fields, 'request')` writes, built by hand because pino's generic serializer cost
 * about as much as the rest of a cached search.
 */
export class AccessLog {
  private readonly stream: { write(line: string): unknown };
  private readonly bindings: string;
  private readonly durations = new Map<string, { observe(seconds: number): void }>();

  constructor(
    private readonly logger: Logger,
    private readonly metrics: ApiMetrics,
  ) {
    const internals = logger as unknown as PinoInternals;
    this.stream = internals[pino.symbols.streamSym];
    this.bindings = internals[pino.symbols.chindingsSym];
  }

  record(entry: AccessEntry): void {
    this.durationOf(entry.method, entry.route, entry.status).observe(entry.seconds);
    const level = entry.cache === 'HIT' ? 'debug' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    const durationMs = Math.round(entry.seconds * 1e6) / 1e3;
    // Request ids are [A-Za-z0-9._:-] or UUIDs, methods are tokens and routes are our own templates: only the
    // path and the cache outcome can hold characters JSON must escape.
    const cache = entry.cache === undefined ? '' : `,"cache":${JSON.stringify(entry.cache)}`;
    this.stream.write(
      `{"level":${this.logger.levels.values[level]},"time":${Date.now()}${this.bindings},"req_id":"${entry.requestId}","method":"${entry.method}",` +
        `"route":"${entry.route}","path":${JSON.stringify(entry.path)},"status":${entry.status},` +
        `"duration_ms":${durationMs}${cache},"msg":"request"}\n`,
    );
  }

  // A labelled child per series: the histogram hashes its labels on every observe otherwise.
  private durationOf(method: string, route: string, status: number) {
    const key = `${method} ${route} ${status}`;
    let child = this.durations.get(key);
    if (!child)
      this.durations.set(key, (child = this.metrics.httpDuration.labels({ method, route, status })));
    return child;
  }
}

/**
 * Logs one structured line per request and records its duration in the HTTP histogram.
 * Sits outside the error handler so it sees the final status of failed requests too.
 */
export function accessLog(log: AccessLog): ApiMiddleware {
  return async function accessLogMiddleware(ctx, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      log.record({
        requestId: ctx.state.requestId,
        method: ctx.method,
        route: routeTemplate(ctx),
        path: ctx.path,
        status: ctx.status,
        seconds: (performance.now() - started) / 1000,
        cache: ctx.state.cache,
      });
    }
  };
}
