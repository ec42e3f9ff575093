import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'koa';
import { negotiateEncoding } from './negotiate-encoding';
import { matchesEtag, variantFor } from './prepared-body';
import type { PreparedBody } from './prepared-body';

/** What to send for a prepared body: status, headers as name/value pairs in one flat list, and the bytes. */
export interface PreparedResponse {
  status: 200 | 304;
  headers: string[];
  /** Absent on 304. */
  bytes?: Buffer;
}

/** The response to a request for a prepared body: its coding negotiated, or 304 when `If-None-Match` names it. */
export function preparedResponse(
  headers: IncomingHttpHeaders,
  body: PreparedBody,
  cacheControl = 'no-cache',
): PreparedResponse {
  const variant = variantFor(body, negotiateEncoding(headers['accept-encoding']));
  const common = ['Vary', 'Accept-Encoding', 'ETag', variant.etag, 'Cache-Control', cacheControl];
  if (matchesEtag(body, headers['if-none-match'])) return { status: 304, headers: common };
  common.push('Content-Type', body.contentType);
  if (variant.encoding !== 'identity') common.push('Content-Encoding', variant.encoding);
  return { status: 200, headers: common, bytes: variant.bytes };
}

/**
 * Sends a prepared body through Koa in the coding the client accepts, or 304 when its `If-None-Match` already
 * names it. Writes headers straight on the Node response.
 */
export function sendPreparedBody(ctx: Context, body: PreparedBody, cacheControl = 'no-cache'): void {
  const response = preparedResponse(ctx.req.headers, body, cacheControl);
  for (let i = 0; i < response.headers.length; i += 2)
    ctx.res.setHeader(response.headers[i]!, response.headers[i + 1]!);
  ctx.status = response.status;
  if (response.bytes) ctx.body = response.bytes;
}
