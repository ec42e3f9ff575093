import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { feedControlSchema } from './feed-control';
import type { FeedRegistry } from './feed-registry';
import { readJsonBody } from './http/read-json-body';
import { sendJson } from './http/send-json';
import { parseControl } from './parse-control';
import type { PartnerRegistry } from './partners/partner-registry';

const FEED_PATH = /^\/control\/feeds\/([\w.-]+)$/;

/**
 * Answers the feed control API, `GET /control/feeds` and `GET|POST /control/feeds/:name`, and
 * `POST /control/reset`, which resets feeds and partners. Returns false when the path is not one of them.
 */
export async function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  deps: { feeds: FeedRegistry; partners: PartnerRegistry; logger: Logger },
): Promise<boolean> {
  const { feeds, partners, logger } = deps;
  if (pathname === '/control/reset' && req.method === 'POST') {
    feeds.reset();
    partners.reset();
    logger.info('simulator reset');
    sendJson(res, 200, { feeds: [], partners: [] });
    return true;
  }
  if (pathname === '/control/feeds' && req.method === 'GET') {
    sendJson(res, 200, { feeds: feeds.list().map((feed) => feed.status()) });
    return true;
  }
  const name = FEED_PATH.exec(pathname)?.[1];
  if (name === undefined || (req.method !== 'GET' && req.method !== 'POST')) return false;
  const feed = feeds.get(name);
  if (req.method === 'POST') {
    const control = parseControl(feedControlSchema, await readJsonBody(req));
    feed.apply(control);
    logger.info({ feed: name, control }, 'feed control applied');
  }
  sendJson(res, 200, feed.status());
  return true;
}
