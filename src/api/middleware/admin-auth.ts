import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { AdminDisabledError, ForbiddenError, UnauthorizedError } from '../api-errors';
import type { ApiRouteHandler } from '../api-state';

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Guards admin routes with `Authorization: Bearer <ADMIN_TOKEN>`: 401 without a token, 403 with another.
 * Comparing SHA-256 digests keeps the comparison constant-time whatever the token lengths.
 * Without a configured token the admin API is off (404 `admin_disabled`), said once in the log at start.
 */
export function adminAuth(token: string | undefined, logger: Logger): ApiRouteHandler {
  if (token === undefined || token === '') {
    logger.warn('ADMIN_TOKEN is not set: the admin API (/admin/*) is disabled');
    return function adminDisabled() {
      throw new AdminDisabledError();
    };
  }
  const expected = digest(token);
  return async function adminAuthMiddleware(ctx, next) {
    const presented = BEARER.exec(ctx.get('Authorization'))?.[1];
    if (presented === undefined)
      throw new UnauthorizedError('admin routes need an Authorization: Bearer token');
    if (!timingSafeEqual(digest(presented), expected))
      throw new ForbiddenError('the bearer token is not valid');
    await next();
  };
}
