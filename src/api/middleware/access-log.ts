import type { Logger } from 'pino';
import type { ApiMetrics } from '../metrics/api-metrics';

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

/**
 * Records answered requests: one `request` log line and one observation of `http_request_duration_seconds`.
 * Cache hits are logged at debug, everything else at info: at thousands of hits a second their lines would
 * cost more than answering them, and the hit counter and the histogram still count every one.
 */
export class AccessLog {
  private readonly durations = new Map<string, { observe(seconds: number): void }>();

  constructor(
    private readonly logger: Logger,
    private readonly metrics: ApiMetrics,
  ) {}

  record(entry: AccessEntry): void {
    this.durationOf(entry.method, entry.route, entry.status).observe(entry.seconds);
    const level = entry.cache === 'HIT' ? 'debug' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    const { requestId, method, route, path, status, cache } = entry;
    const duration_ms = Math.round(entry.seconds * 1e6) / 1e3;
    this.logger[level]({ req_id: requestId, method, route, path, status, duration_ms, cache }, 'request');
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
