import { UriTooLongError } from '../api-errors';
import type { ApiMiddleware } from '../api-state';

/** Longest request target (path and query) accepted; a search needs under 100 characters. */
export const MAX_URL_LENGTH = 2048;

/** Refuses request targets longer than `maxLength` with 414 before any route parses them. */
export function urlLengthLimit(maxLength = MAX_URL_LENGTH): ApiMiddleware {
  return async function urlLengthLimitMiddleware(ctx, next) {
    if (ctx.url.length > maxLength) {
      throw new UriTooLongError(`request target must be at most ${maxLength} characters`);
    }
    await next();
  };
}
