import type Router from '@koa/router';
import { z } from 'zod';
import { UnknownProviderError } from '../../schedules/sync-control';
import type { RunSummary, SyncControl } from '../../schedules/sync-control';
import {
  InvalidBodyError,
  InvalidPathParameterError,
  InvalidQueryError,
  ProviderNotFoundError,
  ServiceUnavailableError,
} from '../api-errors';
import type { ApiRouteHandler, ApiState } from '../api-state';
import { describeFirstIssue } from '../http/describe-first-issue';
import { readJsonBody } from '../http/read-json-body';
import { readQueryParams } from '../http/read-query-params';
import { compressDynamic } from '../middleware/compress-dynamic';

/** Longest pause/resume note kept: a sentence for the Temporal UI, not a document. */
export const MAX_NOTE_LENGTH = 500;

const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const FINISHED_OK: ReadonlySet<RunSummary['outcome']> = new Set(['succeeded', 'unchanged', 'superseded']);

const syncQuery = z.object({ wait: z.enum(['true', 'false']).optional() });
const runsQuery = z.object({
  provider: z.string().regex(PROVIDER_ID, 'must be a provider id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const pauseBody = z.strictObject({
  note: z.string({ error: 'is required: say why the provider is paused' }).trim().min(1, 'must not be empty').max(MAX_NOTE_LENGTH),
});
const resumeBody = z.strictObject({ note: z.string().trim().max(MAX_NOTE_LENGTH).default('') });

/** The ops API over provider schedules and sync runs; every route sits behind `auth`. */
export function registerAdminRoutes(router: Router<ApiState>, syncControl: SyncControl, auth: ApiRouteHandler): void {
  router.get('/admin/providers', auth, compressDynamic(), async (ctx) => {
    ctx.body = ok({ providers: await control(() => syncControl.listProviders()) });
  });

  router.post('/admin/providers/:id/sync', auth, async (ctx) => {
    const providerId = providerIdOf(ctx.params.id);
    const wait = parseQuery(syncQuery, ctx.querystring, ['wait']).wait === 'true';
    const run = await control(() => syncControl.syncNow(providerId, { wait }));
    if (!wait || run.outcome === 'running') {
      ctx.status = 202;
      ctx.body = ok({ run });
    } else if (FINISHED_OK.has(run.outcome)) {
      ctx.body = ok({ run });
    } else {
      // The summary is the point of a waited sync: ops read why it failed without opening logs.
      ctx.status = 502;
      ctx.body = { data: { run }, error: { code: 'sync_failed', message: 'the sync run failed; see data.run.error' } };
    }
  });

  router.post('/admin/providers/:id/pause', auth, async (ctx) => {
    const providerId = providerIdOf(ctx.params.id);
    const { note } = parseBody(pauseBody, (await readJsonBody(ctx.req)) ?? {});
    await control(() => syncControl.pause(providerId, note));
    ctx.body = ok({ providerId, paused: true, note });
  });

  router.post('/admin/providers/:id/resume', auth, async (ctx) => {
    const providerId = providerIdOf(ctx.params.id);
    const { note } = parseBody(resumeBody, (await readJsonBody(ctx.req)) ?? {});
    await control(() => syncControl.resume(providerId, note));
    ctx.body = ok({ providerId, paused: false, note });
  });

  router.get('/admin/runs', auth, compressDynamic(), async (ctx) => {
    const { provider, limit } = parseQuery(runsQuery, ctx.querystring, ['provider', 'limit']);
    ctx.body = ok({ runs: await control(() => syncControl.recentRuns(provider, limit)) });
  });
}

function ok<T>(data: T): { data: T; error: null } {
  return { data, error: null };
}

function providerIdOf(raw: string | undefined): string {
  if (raw === undefined || !PROVIDER_ID.test(raw)) {
    throw new InvalidPathParameterError('id: must be a provider id (letters, digits, ".", "_" or "-")');
  }
  return raw;
}

function parseQuery<T>(schema: z.ZodType<T>, querystring: string, names: readonly string[]): T {
  const parsed = schema.safeParse(readQueryParams(querystring, names));
  if (!parsed.success) throw new InvalidQueryError(describeFirstIssue(parsed.error, 'query'));
  return parsed.data;
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidBodyError(describeFirstIssue(parsed.error, 'body'));
  return parsed.data;
}

// SyncControl failures other than an unknown provider mean Temporal (or the runs index) is unreachable.
async function control<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof UnknownProviderError) throw new ProviderNotFoundError(err.message, { cause: err });
    throw new ServiceUnavailableError('sync control failed', { cause: err });
  }
}
