import { describeBody, feedBodyChunks, toBuffers, xmlHeaders } from '../feed-body-chunks';
import type { FeedExchange } from '../feed-exchange';
import { generateOversizedFeed } from '../generator/generate-oversized-feed';
import { sendText } from '../http/send-text';
import { takeBytes } from '../http/take-bytes';
import { throttleChunks } from '../http/throttle-chunks';
import { writeChunks } from '../http/write-chunks';
import { entityBombFeed } from './entity-bomb-feed';
import type { FaultSpec } from './fault-spec';
import { malformedFeed } from './malformed-feed';

type FaultHandlers = {
  [K in FaultSpec['kind']]: (
    exchange: FeedExchange,
    fault: Extract<FaultSpec, { kind: K }>,
  ) => Promise<void> | void;
};

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/** Truncating a generated feed (length unknown) declares this much more than it sends. */
const UNKNOWN_LENGTH_EXTRA = 64 * 1024;

const handlers: FaultHandlers = {
  status: ({ res, record }, fault) => {
    record('fault status', fault.status);
    const retryAfter =
      fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    sendText(res, fault.status, fault.body, { ...TEXT, ...retryAfter });
  },
  'rate-limit': ({ res, record }, fault) => {
    record('fault rate-limit', 429);
    sendText(res, 429, 'Too Many Requests', { ...TEXT, 'retry-after': String(fault.retryAfterSeconds) });
  },
  reset: ({ req, record }) => {
    record('fault reset', null);
    // RST rather than FIN: the client sees ECONNRESET, as when a provider's load balancer drops it.
    req.socket.resetAndDestroy();
  },
  malformed: ({ res, record }) => {
    record('fault malformed', 200);
    sendText(res, 200, malformedFeed(), xmlHeaders(null));
  },
  'entity-bomb': ({ res, record }) => {
    record('fault entity-bomb', 200);
    sendText(res, 200, entityBombFeed(), xmlHeaders(null));
  },
  oversized: async ({ res, signal, record }, fault) => {
    record('fault oversized', 200);
    res.writeHead(200, xmlHeaders(null));
    await writeChunks(res, toBuffers(generateOversizedFeed(fault.bytes)), signal);
    res.end();
  },
  slow: async ({ res, feed, signal, record }, fault) => {
    const body = feed.body(true);
    record(`fault slow (${describeBody(body)})`, 200);
    const { chunks, length } = feedBodyChunks(body);
    res.writeHead(200, xmlHeaders(length));
    await writeChunks(res, throttleChunks(chunks, fault.bytesPerSecond, signal), signal);
    res.end();
  },
  stall: async ({ res, feed, signal, record }, fault) => {
    const body = feed.body(false);
    record(`fault stall (${describeBody(body)})`, 200);
    const { chunks, length } = feedBodyChunks(body);
    res.writeHead(200, xmlHeaders(length));
    res.flushHeaders();
    await writeChunks(res, takeBytes(chunks, fault.afterBytes), signal);
    // Never ends: the socket stays open until the client gives up or the simulator closes.
  },
  truncate: async ({ res, feed, signal, record }, fault) => {
    const body = feed.body(false);
    record(`fault truncate (${describeBody(body)})`, 200);
    const { chunks, length } = feedBodyChunks(body);
    const declared = Math.max(length ?? fault.afterBytes + UNKNOWN_LENGTH_EXTRA, fault.afterBytes + 1);
    res.writeHead(200, xmlHeaders(fault.framing === 'content-length' ? declared : null));
    res.flushHeaders();
    await writeChunks(res, takeBytes(chunks, fault.afterBytes), signal);
    // Ending the socket, not the response: the bytes written so far flush, the declared length
    // (or the final zero-length chunk) never arrives.
    res.socket?.end();
  },
};

/** Answers a feed request with the armed fault instead of (or on top of) the normal body. */
export async function serveFault(exchange: FeedExchange, fault: FaultSpec): Promise<void> {
  const handler = handlers[fault.kind] as (exchange: FeedExchange, fault: FaultSpec) => Promise<void> | void;
  await handler(exchange, fault);
}
