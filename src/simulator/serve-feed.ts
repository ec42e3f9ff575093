import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeBody, feedBodyChunks, xmlHeaders } from './feed-body-chunks';
import type { FeedExchange } from './feed-exchange';
import type { FeedState } from './feed-state';
import { serveFault } from './faults/serve-fault';
import { writeChunks } from './http/write-chunks';

/** Answers `GET /feeds/:name`: the armed fault if any, else the feed's current body, streamed. */
export async function serveFeed(
  req: IncomingMessage,
  res: ServerResponse,
  feed: FeedState,
  signal: AbortSignal,
): Promise<void> {
  const { number, fault } = feed.beginRequest();
  const record = (outcome: string, status: number | null): void =>
    feed.record({ number, at: new Date().toISOString(), path: req.url ?? '', outcome, status });
  const exchange: FeedExchange = { req, res, feed, signal, record };
  if (fault) return serveFault(exchange, fault);

  const body = feed.body(true);
  record(describeBody(body), 200);
  const { chunks, length } = feedBodyChunks(body);
  res.writeHead(200, xmlHeaders(length));
  await writeChunks(res, chunks, signal);
  res.end();
}
