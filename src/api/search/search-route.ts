import type Router from '@koa/router';
import type { ApiState } from '../api-state';
import { negotiateEncoding } from '../http/negotiate-encoding';
import { sendPreparedBody } from '../http/send-prepared-body';
import { parseSearchQuery } from './search-query';
import { cacheHeaders } from './generation-cache';
import type { SearchResponder } from './search-responder';

/**
 * `GET /search` per the consumers' contract: validate the window, answer from the responder, send the bytes.
 * Valid GETs are answered ahead of Koa by the search fast path (search-fast-path.ts); this route answers HEAD and
 * invalid queries.
 */
export function registerSearchRoute(router: Router<ApiState>, responder: SearchResponder): void {
  router.get('/search', async (ctx) => {
    const query = parseSearchQuery(ctx.querystring);
    const answer = await responder.answer(query, negotiateEncoding(ctx.req.headers['accept-encoding']));
    ctx.state.cache = answer.cache;
    const headers = cacheHeaders(answer.cache);
    for (let i = 0; i < headers.length; i += 2) ctx.res.setHeader(headers[i]!, headers[i + 1]!);
    sendPreparedBody(ctx, answer.body);
  });
}
