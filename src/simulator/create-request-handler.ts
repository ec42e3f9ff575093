import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { FeedRegistry } from './feed-registry';
import { sendJson } from './http/send-json';
import { InvalidControlError } from './invalid-control-error';
import type { PartnerRegistry } from './partners/partner-registry';
import { routePartners } from './partners/route-partners';
import { serveControl } from './serve-control';
import { serveFeed } from './serve-feed';

const FEED_PATH = /^\/feeds\/([\w.-]+)$/;

/** Dependencies of the simulator's HTTP handler. */
export interface RequestHandlerDeps {
  feeds: FeedRegistry;
  partners: PartnerRegistry;
  logger: Logger;
}

/**
 * The simulator's HTTP handler, on node:http rather than Koa because faults need the raw socket:
 * destroying it, stalling mid-body, breaking the declared framing.
 */
export function createRequestHandler(deps: RequestHandlerDeps): RequestListener {
  return (req, res) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    route(req, res, deps, abort.signal).catch((error: unknown) => handleError(error, req, res, deps.logger));
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RequestHandlerDeps,
  signal: AbortSignal,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const { pathname } = url;
  deps.logger.debug({ method: req.method, path: pathname }, 'simulator request');
  const feedName = FEED_PATH.exec(pathname)?.[1];
  if (feedName !== undefined && req.method === 'GET') {
    return serveFeed(req, res, deps.feeds.get(feedName), signal);
  }
  if (pathname === '/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
  if (await serveControl(req, res, pathname, deps)) return;
  if (await routePartners(req, res, { url, partners: deps.partners, logger: deps.logger, signal })) return;
  sendJson(res, 404, { error: `no route for ${req.method} ${pathname}` });
}

function handleError(error: unknown, req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  // A client that hangs up mid-body is an everyday event for a feed server, not a failure.
  if (res.destroyed || (error instanceof Error && error.name === 'AbortError')) {
    logger.debug({ path: req.url }, 'client went away mid-response');
    return;
  }
  if (error instanceof InvalidControlError) return sendJson(res, 400, { error: error.message });
  logger.error({ err: error, path: req.url }, 'simulator request failed');
  if (res.headersSent) res.destroy();
  else sendJson(res, 500, { error: 'internal error' });
}
