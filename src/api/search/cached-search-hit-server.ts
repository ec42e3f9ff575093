import type { IncomingMessage, ServerResponse } from 'node:http';
import { preparedResponse } from '../http/send-prepared-body';
import type { AccessLog } from '../middleware/access-log';
import { REQUEST_ID_HEADER, requestIdFor } from '../middleware/request-id';
import { SECURITY_HEADERS } from '../middleware/security-headers';
import { MAX_URL_LENGTH } from '../middleware/url-length-limit';
import { parseSearchQuery } from './search-query';
import type { SearchResponder } from './search-responder';

const ROUTE = '/search';
const SECURITY = Object.entries(SECURITY_HEADERS).flat();

/**
 * The request listener's first step: answers `GET /search` straight from the response cache, ahead of Koa,
 * when the cache holds the window at the current data generation, with the same status, headers, bytes and
 * metrics as the `/search` route, at a fraction of its cost. It returns false, having written nothing, for
 * anything else (other routes, HEAD, invalid or uncached windows): Koa answers those and fills the cache.
 */
export function cachedSearchHitServer(responder: SearchResponder, log: AccessLog) {
  return function serveCachedSearchHit(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const body = req.method === 'GET' ? cachedBody(req, responder) : undefined;
    if (!body) return false;
    const requestId = requestIdFor(req);
    const response = preparedResponse(req.headers, body);
    res.writeHead(response.status, [
      REQUEST_ID_HEADER,
      requestId,
      ...SECURITY,
      'X-Cache',
      'HIT',
      ...response.headers,
      ...(response.bytes ? ['Content-Length', String(response.bytes.length)] : []),
    ]);
    res.end(response.bytes);
    log.record({
      requestId,
      method: 'GET',
      route: ROUTE,
      path: ROUTE,
      status: response.status,
      seconds: (performance.now() - started) / 1000,
      cache: 'HIT',
    });
    return true;
  };
}

function cachedBody(req: IncomingMessage, responder: SearchResponder) {
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  // A fragment or an over-long target takes the full route, which knows how to answer it.
  if (path !== ROUTE || url.length > MAX_URL_LENGTH || url.includes('#')) return undefined;
  try {
    return responder.cachedHit(parseSearchQuery(mark === -1 ? '' : url.slice(mark + 1)));
  } catch {
    // An invalid query: the route answers it with the error.
    return undefined;
  }
}
