import type Router from '@koa/router';
import type { EventSearch } from '../../search/event-search';
import { NotFoundError, ServiceUnavailableError } from '../api-errors';
import type { ApiState } from '../api-state';
import { compressDynamic } from '../middleware/compress-dynamic';
import { eventIdOf } from './event-id-param';

/** `GET /events/{id}`: one ever-online event with its zones, in the contract's envelope. */
export function registerEventRoute(router: Router<ApiState>, eventSearch: EventSearch): void {
  router.get('/events/:id', compressDynamic(), async (ctx) => {
    const id = eventIdOf(ctx.params.id);
    const event = await eventSearch.getEvent(id).catch((cause: unknown) => {
      throw new ServiceUnavailableError('event lookup failed', { cause });
    });
    if (!event) throw new NotFoundError(`no event with id ${ctx.params.id}`);
    ctx.body = { data: { event }, error: null };
  });
}
