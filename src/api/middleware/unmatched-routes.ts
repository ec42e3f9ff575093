import { MethodNotAllowedError, NotFoundError } from '../api-errors';
import type { ApiMiddleware } from '../api-state';

/**
 * Turns the router's bare 404 (no route) and 405 (known path, other method) into typed errors, so they
 * get the contract's error body like every other failure. The router sets `Allow` before answering 405.
 * Its bare 501, for a method it does not know at all (PROPFIND, TRACE), is the same client mistake as a 405
 * (or a 404 when no route has the path), not a server failure.
 */
export function unmatchedRoutes(): ApiMiddleware {
  return async function unmatchedRoutesMiddleware(ctx, next) {
    await next();
    if (ctx.body != null) return;
    const allow = ctx.response.get('Allow');
    if (ctx.status === 404 || (ctx.status === 501 && allow === '')) {
      throw new NotFoundError(`no route for ${ctx.method} ${ctx.path}`);
    }
    if (ctx.status === 405 || ctx.status === 501) throw new MethodNotAllowedError(allow);
  };
}
