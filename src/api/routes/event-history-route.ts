import type Router from '@koa/router';
import type { EventHistory } from '../../search/event-history';
import { NotFoundError, ServiceUnavailableError } from '../api-errors';
import type { ApiState } from '../api-state';
import { compressDynamic } from '../middleware/compress-dynamic';
import { parseQuery } from './admin-input';
import { eventIdOf } from './event-id-param';
import { historyCursor, historyQuery } from './history-query';

/** `GET /events/{id}/history`: an event's price and capacity per run that changed it, newest first, paged. */
export function registerEventHistoryRoute(router: Router<ApiState>, history: EventHistory): void {
  router.get('/events/:id/history', compressDynamic(), async (ctx) => {
    const id = eventIdOf(ctx.params.id);
    const { limit, cursor } = parseQuery(historyQuery, ctx.querystring, ['limit', 'cursor']);
    // One entry more than asked says whether a next page exists.
    const entries = await history
      .historyOf(id, { limit: limit + 1, after: cursor })
      .catch((cause: unknown) => {
        throw new ServiceUnavailableError('event history lookup failed', { cause });
      });
    if (!entries) throw new NotFoundError(`no event with id ${ctx.params.id}`);
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    const next =
      entries.length > limit && last
        ? historyCursor({ fetchedAt: last.fetched_at, runId: last.run_id })
        : null;
    ctx.body = { data: { history: page, next_cursor: next }, error: null };
  });
}
