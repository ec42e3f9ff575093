import type Router from '@koa/router';
import type { EventSearch } from '../../search/event-search';
import { InvalidPathParameterError, NotFoundError, ServiceUnavailableError } from '../api-errors';
import type { ApiState } from '../api-state';
import { compressDynamic } from '../middleware/compress-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /events/{id}`: one ever-online event with its zones, in the contract's envelope. */
export function registerEventRoute(router: Router<ApiState>, eventSearch: EventSearch): void {
  router.get('/events/:id', compressDynamic(), async (ctx) => {
    const { id } = ctx.params;
    if (id === undefined || !UUID.test(id)) throw new InvalidPathParameterError('id: must be a UUID');
    const event = await eventSearch.getEvent(id.toLowerCase()).catch((cause: unknown) => {
      throw new ServiceUnavailableError('event lookup failed', { cause });
    });
    if (!event) throw new NotFoundError(`no event with id ${id}`);
    ctx.body = { data: { event }, error: null };
  });
}
