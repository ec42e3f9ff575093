import type { ApiMiddleware } from '../api-state';
import type { RequestEnvelope } from '../http/request-envelope';
import { routeTemplate } from './route-template';

/**
 * Koa's side of the request envelope: hands the request id to the routes (`ctx.state.requestId`), and once
 * they are done tells the envelope the route and path for the access line and how the cache answered.
 */
export function exchangeState(envelope: RequestEnvelope): ApiMiddleware {
  return async function exchangeStateMiddleware(ctx, next) {
    const exchange = envelope.exchangeOf(ctx.req);
    if (!exchange) throw new Error('a request reached Koa without going through the request envelope');
    ctx.state.requestId = exchange.requestId;
    try {
      await next();
    } finally {
      exchange.route = routeTemplate(ctx);
      exchange.path = ctx.path;
      exchange.cache = ctx.state.cache;
    }
  };
}
