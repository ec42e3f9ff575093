import type Router from '@koa/router';
import { InvalidWindowError, UnknownProviderError } from '../../schedules/sync-control';
import type { RunSummary, SyncControl } from '../../schedules/sync-control';
import { InvalidQueryError, ProviderNotFoundError, ServiceUnavailableError } from '../api-errors';
import type { ApiRouteHandler, ApiState } from '../api-state';
import { readJsonBody } from '../http/read-json-body';
import { compressDynamic } from '../middleware/compress-dynamic';
import {
  parseBody,
  parseQuery,
  pauseBody,
  providerIdOf,
  resumeBody,
  runsQuery,
  syncQuery,
} from './admin-input';

const FINISHED_OK: ReadonlySet<RunSummary['outcome']> = new Set(['succeeded', 'unchanged', 'superseded']);

/** The ops API over provider schedules and sync runs; every route sits behind `auth`. */
export function registerAdminRoutes(
  router: Router<ApiState>,
  syncControl: SyncControl,
  auth: ApiRouteHandler,
  afterRun: () => Promise<void>,
): void {
  router.get('/admin/providers', auth, compressDynamic(), async (ctx) => {
    ctx.body = ok({ providers: await control(() => syncControl.listProviders()) });
  });
  router.post('/admin/providers/:id/sync', auth, syncProvider(syncControl, afterRun));
  router.post('/admin/providers/:id/pause', auth, setPaused(syncControl, true));
  router.post('/admin/providers/:id/resume', auth, setPaused(syncControl, false));
  router.get('/admin/runs', auth, compressDynamic(), async (ctx) => {
    const { provider, limit } = parseQuery(runsQuery, ctx.querystring, ['provider', 'limit']);
    ctx.body = ok({ runs: await control(() => syncControl.recentRuns(provider, limit)) });
  });
}

/**
 * 202 while the run goes on, 200 when it ended well, 502 (with the summary saying why) when it failed.
 * A run that ended is visible to this process's next search before the answer goes out (`afterRun`).
 */
function syncProvider(syncControl: SyncControl, afterRun: () => Promise<void>): ApiRouteHandler {
  return async (ctx) => {
    const providerId = providerIdOf(ctx.params.id);
    const query = parseQuery(syncQuery, ctx.querystring, ['wait', 'window']);
    const wait = query.wait === 'true';
    const run = await control(() =>
      syncControl.syncNow(providerId, query.window ? { wait, window: query.window } : { wait }),
    );
    if (run.outcome !== 'running') await afterRun();
    if (!wait || run.outcome === 'running') {
      ctx.status = 202;
      ctx.body = ok({ run });
    } else if (FINISHED_OK.has(run.outcome)) {
      ctx.body = ok({ run });
    } else {
      // The summary is the point of a waited sync: ops read why it failed without opening logs.
      ctx.status = 502;
      ctx.body = {
        data: { run },
        error: { code: 'sync_failed', message: 'the sync run failed; see data.run.error' },
      };
    }
  };
}

function setPaused(syncControl: SyncControl, paused: boolean): ApiRouteHandler {
  return async (ctx) => {
    const providerId = providerIdOf(ctx.params.id);
    const { note } = parseBody(paused ? pauseBody : resumeBody, (await readJsonBody(ctx.req)) ?? {});
    await control(() =>
      paused ? syncControl.pause(providerId, note) : syncControl.resume(providerId, note),
    );
    ctx.body = ok({ providerId, paused, note });
  };
}

function ok<T>(data: T): { data: T; error: null } {
  return { data, error: null };
}

// SyncControl failures other than an unknown provider mean Temporal (or the runs index) is unreachable.
async function control<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof UnknownProviderError) throw new ProviderNotFoundError(err.message, { cause: err });
    if (err instanceof InvalidWindowError)
      throw new InvalidQueryError(`window: ${err.message}`, { cause: err });
    throw new ServiceUnavailableError('sync control failed', { cause: err });
  }
}
