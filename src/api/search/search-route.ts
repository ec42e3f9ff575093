import type Router from '@koa/router';
import type { ApiState } from '../api-state';
import { negotiateEncoding } from '../http/negotiate-encoding';
import { sendPreparedBody } from '../http/send-prepared-body';
import { parseSearchQuery } from './search-query';
import type { SearchResponder } from './search-responder';

const STALE_WARNING =
  '110 - "Response is Stale: the search backend is unreachable, serving the last cached results"';

/** `GET /search` per the consumers' contract: validate the window, answer from the responder, send the bytes. */
export function registerSearchRoute(router: Router<ApiState>, responder: SearchResponder): void {
  router.get('/search', async (ctx) => {
    const query = parseSearchQuery(ctx.querystring);
    const answer = await responder.answer(query, negotiateEncoding(ctx.req.headers['accept-encoding']));
    ctx.state.cache = answer.cache;
    ctx.res.setHeader('X-Cache', answer.cache);
    if (answer.cache === 'STALE') ctx.res.setHeader('Warning', STALE_WARNING);
    sendPreparedBody(ctx, answer.body);
  });
}
