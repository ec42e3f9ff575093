import { createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The provider URL the bench's worker fetches: the simulator's feed, optionally with a trailing comment. */
export interface FeedRelay {
  url: string;
  /**
   * Appended after the root element: an XML comment changes the feed's bytes (and sha256) without
   * changing a single event, which the simulator's generator cannot do (`variant` with
   * `changedPercent: 0` yields identical bytes).
   */
  setSuffix(suffix: string): void;
  close(): Promise<void>;
}

/** Relays `GET` to `upstreamUrl` as it streams, then writes the current suffix. */
export async function startFeedRelay(upstreamUrl: string): Promise<FeedRelay> {
  let suffix = '';
  const server = createServer((req, res) => {
    get(upstreamUrl, (upstream: IncomingMessage) => {
      res.writeHead(upstream.statusCode ?? 502, { 'content-type': upstream.headers['content-type'] ?? '' });
      upstream.pipe(res, { end: false });
      upstream.once('end', () => res.end(suffix));
      upstream.once('error', () => res.destroy());
    }).once('error', () => res.destroy());
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed`,
    setSuffix: (value) => void (suffix = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
