import type { IncomingMessage, ServerResponse } from 'node:http';
import { negotiateEncoding } from '../http/negotiate-encoding';
import { matchesEtag, type PreparedBody } from '../http/prepared-body';
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
  const responses = new WeakMap<PreparedBody, Map<string, HitResponse>>();
  return function serveCachedSearchHit(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const body = req.method === 'GET' ? cachedBody(req, responder) : undefined;
    if (!body) return false;
    const requestId = requestIdFor(req);
    const response = hitResponse(responses, req, body);
    const headers = response.headers.slice();
    headers[1] = requestId;
    res.writeHead(response.status, headers);
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

/** A hit's status, bytes and headers (the request id's value left blank), the same for every such request. */
interface HitResponse {
  status: 200 | 304;
  headers: readonly string[];
  bytes?: Buffer;
}

// Built once per cached body, coding and status: a hit then only fills in its request id.
function hitResponse(
  responses: WeakMap<PreparedBody, Map<string, HitResponse>>,
  req: IncomingMessage,
  body: PreparedBody,
): HitResponse {
  const notModified = matchesEtag(body, req.headers['if-none-match']);
  const key = `${negotiateEncoding(req.headers['accept-encoding'])}${notModified ? ' 304' : ''}`;
  let known = responses.get(body);
  if (!known) responses.set(body, (known = new Map<string, HitResponse>()));
  const existing = known.get(key);
  if (existing) return existing;
  const { status, headers, bytes } = preparedResponse(req.headers, body);
  const length = bytes ? ['Content-Length', String(bytes.length)] : [];
  const response = {
    status,
    headers: [REQUEST_ID_HEADER, '', ...SECURITY, 'X-Cache', 'HIT', ...headers, ...length],
    bytes,
  };
  known.set(key, response);
  return response;
}

function cachedBody(req: IncomingMessage, responder: SearchResponder) {
  const url = req.url ?? '';
  const isRoute = url.startsWith(ROUTE) && (url.length === ROUTE.length || url[ROUTE.length] === '?');
  // A fragment or an over-long target takes the full route, which knows how to answer it.
  if (!isRoute || url.length > MAX_URL_LENGTH || url.includes('#')) return undefined;
  try {
    return responder.cachedHit(parseSearchQuery(url.slice(ROUTE.length + 1)));
  } catch {
    // An invalid query: the route answers it with the error.
    return undefined;
  }
}
