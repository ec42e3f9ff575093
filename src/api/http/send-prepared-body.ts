import type { Context } from 'koa';
import { negotiateEncoding } from './negotiate-encoding';
import { matchesEtag, variantFor } from './prepared-body';
import type { PreparedBody } from './prepared-body';

/**
 * Sends a prepared body in the coding the client accepts, or 304 when its `If-None-Match` already names it.
 * Writes headers straight on the Node response: this runs on every cached search hit.
 */
export function sendPreparedBody(ctx: Context, body: PreparedBody, cacheControl = 'no-cache'): void {
  const { req, res } = ctx;
  const variant = variantFor(body, negotiateEncoding(req.headers['accept-encoding']));
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', variant.etag);
  res.setHeader('Cache-Control', cacheControl);
  if (matchesEtag(body, req.headers['if-none-match'])) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  res.setHeader('Content-Type', body.contentType);
  if (variant.encoding !== 'identity') res.setHeader('Content-Encoding', variant.encoding);
  ctx.body = variant.bytes;
}
