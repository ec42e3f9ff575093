import { MethodNotAllowedError, NotFoundError } from '../api-errors';
import type { ApiMiddleware } from '../api-state';

/**
 * Turns the router's bare 404 (no route) and 405 (known path, other method) into typed errors, so they
 * get the contract's error body like every other failure. The router sets `Allow` before answering 405.
 */
export function unmatchedRoutes(): ApiMiddleware {
  return async function unmatchedRoutesMiddleware(ctx, next) {
    await next();
    if (ctx.body != null) return;
    if (ctx.status === 404) throw new NotFoundError(`no route for ${ctx.method} ${ctx.path}`);
    if (ctx.status === 405) throw new MethodNotAllowedError(ctx.response.get('Allow'));
  };
}
