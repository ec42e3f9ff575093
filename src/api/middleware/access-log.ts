import type { Logger } from 'pino';
import type { ApiMiddleware } from '../api-state';
import type { ApiMetrics } from '../metrics/api-metrics';
import { routeTemplate } from './route-template';

/**
 * Logs one structured line per request and records its duration in the HTTP histogram.
 * Sits outside the error handler so it sees the final status of failed requests too.
 */
export function accessLog(logger: Logger, metrics: ApiMetrics): ApiMiddleware {
  return async function accessLogMiddleware(ctx, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routeTemplate(ctx);
      metrics.httpDuration.observe({ method: ctx.method, route, status: ctx.status }, seconds);
      logger.info(
        {
          req_id: ctx.state.requestId,
          method: ctx.method,
          route,
          path: ctx.path,
          status: ctx.status,
          duration_ms: Math.round(seconds * 1e6) / 1e3,
          cache: ctx.state.cache,
        },
        'request',
      );
    }
  };
}
