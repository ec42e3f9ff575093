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
import { cacheHeaders, JSON_TYPE, type CacheOutcome, type SearchResponder } from './search-responder';

const ROUTE = '/search';
const SECURITY = Object.entries(SECURITY_HEADERS).flat();

/** A search response as written: status, headers as name/value pairs, and the bytes (none on 304). */
interface SearchResponse {
  status: number;
  headers: readonly string[];
  bytes?: Buffer;
}

/**
 * The request listener's first step: answers every valid `GET /search` ahead of Koa, with the same status,
 * headers, bytes, metrics and log lines as the `/search` route, at a fraction of its cost: from the cache,
 * or from Elasticsearch through the same responder. It returns false, having written nothing, for anything
 * else (other routes, HEAD, over-long targets, invalid queries): Koa answers those, errors included.
 */
export function searchRequestListener(responder: SearchResponder, log: AccessLog, logger: Logger) {
  const hits = new WeakMap<PreparedBody, Map<string, SearchResponse>>();

  function send(res: ServerResponse, requestId: string, response: SearchResponse): void {
    const headers = response.headers.slice();
    headers[1] = requestId;
    res.writeHead(response.status, headers);
    res.end(response.bytes);
  }

  function record(requestId: string, status: number, started: number, cache: CacheOutcome | undefined): void {
    const seconds = (performance.now() - started) / 1000;
    log.record({ requestId, method: 'GET', route: ROUTE, path: ROUTE, status, seconds, cache });
  }

  async function answerUncached(
    req: IncomingMessage,
    res: ServerResponse,
    query: SearchQuery,
    requestId: string,
    started: number,
  ): Promise<void> {
    let response: SearchResponse;
    let cache: CacheOutcome | undefined;
    try {
      const answer = await responder.answerUncached(query, negotiateEncoding(req.headers['accept-encoding']));
      response = bodyResponse(req, answer.body, answer.cache);
      cache = answer.cache;
    } catch (err) {
      const failure = describeFailure(err);
      logFailure(logger, requestId, failure, err);
      const bytes = Buffer.from(JSON.stringify(errorBody(failure.code, failure.message)));
      const headers = [...Object.entries(failure.headers).flat(), 'Content-Type', JSON_TYPE];
      response = { status: failure.status, headers: withCommonHeaders(headers, bytes), bytes };
    }
    send(res, requestId, response);
    record(requestId, response.status, started, cache);
  }

  return function serveSearch(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const query = req.method === 'GET' ? validQuery(req) : undefined;
    if (!query) return false;
    const requestId = requestIdFor(req);
    const hit = responder.cachedHit(query);
    if (!hit) {
      void answerUncached(req, res, query, requestId, started);
      return true;
    }
    const response = hitResponse(hits, req, hit);
    send(res, requestId, response);
    record(requestId, response.status, started, 'HIT');
    return true;
  };
}

// Built once per cached body, coding and status: a hit then only fills in its request id.
function hitResponse(
  responses: WeakMap<PreparedBody, Map<string, SearchResponse>>,
  req: IncomingMessage,
  body: PreparedBody,
): SearchResponse {
  const notModified = matchesEtag(body, req.headers['if-none-match']);
  const key = `${negotiateEncoding(req.headers['accept-encoding'])}${notModified ? ' 304' : ''}`;
  let known = responses.get(body);
  if (!known) responses.set(body, (known = new Map<string, SearchResponse>()));
  const existing = known.get(key);
  if (existing) return existing;
  const response = bodyResponse(req, body, 'HIT');
  known.set(key, response);
  return response;
}

/** The response for a prepared body in the request's coding (or 304), its request id's value left blank. */
function bodyResponse(req: IncomingMessage, body: PreparedBody, cache: CacheOutcome): SearchResponse {
  const { status, headers, bytes } = preparedResponse(req.headers, body);
  return { status, headers: withCommonHeaders([...cacheHeaders(cache), ...headers], bytes), bytes };
}

/** The request id (value left blank) and security headers first, `Content-Length` last when there are bytes. */
function withCommonHeaders(headers: string[], bytes: Buffer | undefined): string[] {
  const length = bytes ? ['Content-Length', String(bytes.length)] : [];
  return [REQUEST_ID_HEADER, '', ...SECURITY, ...headers, ...length];
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
