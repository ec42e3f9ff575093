import type Router from '@koa/router';
import type { ApiState } from '../api-state';
import type { ApiMetrics } from '../metrics/api-metrics';
import type { ProviderSyncGauges } from '../metrics/provider-sync-gauges';
import { compressDynamic } from '../middleware/compress-dynamic';

/** `GET /metrics`: Prometheus text, with provider sync gauges read fresh for this scrape. */
export function registerMetricsRoute(
  router: Router<ApiState>,
  metrics: ApiMetrics,
  providerGauges: ProviderSyncGauges,
): void {
  router.get('/metrics', compressDynamic(), async (ctx) => {
    await providerGauges.refresh();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
}
