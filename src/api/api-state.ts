import type { Context, Middleware } from 'koa';
import type { RouterMiddleware } from '@koa/router';

/** Per-request state the middleware share: the request id and what the search cache did. */
export interface ApiState {
  requestId: string;
  /** `HIT`, `MISS`, `STALE` or `BYPASS` on search responses, for the access log. */
  cache?: string;
  /** The booking consumer, named by a digest of its key (see booking-auth.ts). */
  consumer?: string;
}

/** Koa context carrying {@link ApiState}. */
export type ApiContext = Context & { state: ApiState };

/** App-level middleware over {@link ApiState}. */
export type ApiMiddleware = Middleware<ApiState>;

/** Route handler over {@link ApiState}. */
export type ApiRouteHandler = RouterMiddleware<ApiState>;
