import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errorBody } from '../http/error-body';
import { negotiateEncoding } from '../http/negotiate-encoding';
import { matchesEtag, type PreparedBody } from '../http/prepared-body';
import { preparedResponse } from '../http/send-prepared-body';
import type { AccessLog } from '../middleware/access-log';
import { describeFailure, logFailure } from '../middleware/error-handler';
import { REQUEST_ID_HEADER, requestIdFor } from '../middleware/request-id';
import { SECURITY_HEADERS } from '../middleware/security-headers';
import { MAX_URL_LENGTH } from '../middleware/url-length-limit';
import { parseSearchQuery, type SearchQuery } from './search-query';
import { STALE_WARNING, type SearchResponder } from './search-responder';

const ROUTE = '/search';
const SECURITY = Object.entries(SECURITY_HEADERS).flat();
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The request listener's first step: answers every valid `GET /search` ahead of Koa, with the same status,
 * headers, bytes, metrics and log lines as the `/search` route, at a fraction of its cost: from the cache,
 * or from Elasticsearch through the same responder. It returns false, having written nothing, for anything
 * else (other routes, HEAD, over-long targets, invalid queries): Koa answers those, errors included.
 */
export function searchRequestListener(responder: SearchResponder, log: AccessLog, logger: Logger) {
  const hits = new WeakMap<PreparedBody, Map<string, HitResponse>>();

  async function answerFromResponder(
    req: IncomingMessage,
    res: ServerResponse,
    query: SearchQuery,
    requestId: string,
    started: number,
  ): Promise<void> {
    let status: number;
    let cache: string | undefined;
    try {
      const answer = await responder.answer(query, negotiateEncoding(req.headers['accept-encoding']));
      const response = preparedResponse(req.headers, answer.body);
      const warning = answer.cache === 'STALE' ? ['Warning', STALE_WARNING] : [];
      const length = response.bytes ? ['Content-Length', String(response.bytes.length)] : [];
      res.writeHead(response.status, [
        REQUEST_ID_HEADER,
        requestId,
        ...SECURITY,
        'X-Cache',
        answer.cache,
        ...warning,
        ...response.headers,
        ...length,
      ]);
      res.end(response.bytes);
      status = response.status;
      cache = answer.cache;
    } catch (err) {
      const failure = describeFailure(err);
      logFailure(logger, requestId, failure, err);
      const body = Buffer.from(JSON.stringify(errorBody(failure.code, failure.message)));
      res.writeHead(failure.status, [
        REQUEST_ID_HEADER,
        requestId,
        ...SECURITY,
        ...Object.entries(failure.headers).flat(),
        'Content-Type',
        JSON_TYPE,
        'Content-Length',
        String(body.length),
      ]);
      res.end(body);
      status = failure.status;
    }
    log.record({
      requestId,
      method: 'GET',
      route: ROUTE,
      path: ROUTE,
      status,
      seconds: secondsSince(started),
      cache,
    });
  }

  return function serveSearch(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const query = req.method === 'GET' ? validQuery(req) : undefined;
    if (!query) return false;
    const requestId = requestIdFor(req);
    const hit = responder.cachedHit(query);
    if (!hit) {
      void answerFromResponder(req, res, query, requestId, started);
      return true;
    }
    const response = hitResponse(hits, req, hit);
    const headers = response.headers.slice();
    headers[1] = requestId;
    res.writeHead(response.status, headers);
    res.end(response.bytes);
    const seconds = secondsSince(started);
    log.record({
      requestId,
      method: 'GET',
      route: ROUTE,
      path: ROUTE,
      status: response.status,
      seconds,
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

function validQuery(req: IncomingMessage): SearchQuery | undefined {
  const url = req.url ?? '';
  const isRoute = url.startsWith(ROUTE) && (url.length === ROUTE.length || url[ROUTE.length] === '?');
  // A fragment or an over-long target takes the full route, which knows how to answer it.
  if (!isRoute || url.length > MAX_URL_LENGTH || url.includes('#')) return undefined;
  try {
    return parseSearchQuery(url.slice(ROUTE.length + 1));
  } catch {
    // An invalid query: the route answers it with the error.
    return undefined;
  }
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
