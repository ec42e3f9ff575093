import type Router from '@koa/router';
import type { Logger } from 'pino';
import type { EventSearch } from '../../search/event-search';
import type { SyncControl } from '../../schedules/sync-control';
import type { ApiState } from '../api-state';
import { TimeoutError, withTimeout } from '../http/with-timeout';

/** How long `/ready` waits for each dependency: a load balancer probe must not hang. */
export const READY_TIMEOUT_MS = 1000;

/** One dependency's state as `/ready` reports it. */
interface CheckResult {
  status: 'ok' | 'error';
  duration_ms: number;
  /** `timeout` or `unreachable`; the underlying message goes to the log only. */
  error?: string;
}

/** `GET /health` (the process answers) and `GET /ready` (Elasticsearch and Temporal answer too). */
export function registerHealthRoutes(
  router: Router<ApiState>,
  deps: { eventSearch: EventSearch; syncControl: SyncControl; logger: Logger; readyTimeoutMs?: number },
): void {
  const timeoutMs = deps.readyTimeoutMs ?? READY_TIMEOUT_MS;
  router.get('/health', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  router.get('/ready', async (ctx) => {
    const check = (name: string, ping: () => Promise<void>) => runCheck(name, ping, timeoutMs, deps.logger);
    const [elasticsearch, temporal] = await Promise.all([
      check('elasticsearch', () => deps.eventSearch.ping()),
      check('temporal', () => deps.syncControl.ping()),
    ]);
    const ready = elasticsearch.status === 'ok' && temporal.status === 'ok';
    ctx.set('Cache-Control', 'no-store');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ok' : 'unavailable', checks: { elasticsearch, temporal } };
  });
}

async function runCheck(
  name: string,
  ping: () => Promise<void>,
  timeoutMs: number,
  logger: Logger,
): Promise<CheckResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await withTimeout(ping(), timeoutMs, `${name} ping`);
    return { status: 'ok', duration_ms: elapsed() };
  } catch (err) {
    logger.warn({ err, dependency: name }, 'readiness check failed');
    return {
      status: 'error',
      duration_ms: elapsed(),
      error: err instanceof TimeoutError ? 'timeout' : 'unreachable',
    };
  }
}
