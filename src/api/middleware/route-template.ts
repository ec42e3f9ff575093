import type { Context } from 'koa';

/** The route template a request matched (`/events/:id`), or `unmatched`: a bounded label for logs and metrics. */
export function routeTemplate(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
  return typeof matched === 'string' ? matched : 'unmatched';
}
