import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../api-errors';
import type { ApiRouteHandler } from '../api-state';

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Guards the booking routes with a consumer key from BOOKING_API_KEYS (`Authorization: Bearer <key>`) and
 * names the consumer in `ctx.state.consumer` (a digest of its key, never the key). Without keys the
 * routes answer 404 as unknown routes do, said once in the log at start.
 */
export function bookingAuth(keys: readonly string[] | undefined, logger: Logger): ApiRouteHandler {
  if (!keys?.length) {
    logger.warn('BOOKING_API_KEYS is not set: the booking routes (/bookings) are disabled');
    return function bookingsDisabled(ctx) {
      throw new NotFoundError(`no route for ${ctx.method} ${ctx.path}`);
    };
  }
  const digests = keys.map(digest);
  return async function bookingAuthMiddleware(ctx, next) {
    const presented = BEARER.exec(ctx.get('Authorization'))?.[1];
    if (presented === undefined)
      throw new UnauthorizedError('booking routes need an Authorization: Bearer consumer key', 'bookings');
    const presentedDigest = digest(presented);
    // Every key is compared, so the time taken does not tell which one nearly matched.
    const matches = digests.filter((expected) => timingSafeEqual(presentedDigest, expected));
    if (matches.length === 0) throw new ForbiddenError('the consumer key is not valid');
    ctx.state.consumer = presentedDigest.toString('hex').slice(0, 16);
    await next();
  };
}
