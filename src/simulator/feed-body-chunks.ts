import type { OutgoingHttpHeaders } from 'node:http';
import type { FeedBody } from './feed-state';
import { generateEventListFeed } from './generator/generate-event-list-feed';

/** The bytes of a feed body, and its length when known before sending (samples, not generated feeds). */
export function feedBodyChunks(body: FeedBody): {
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
  length: number | null;
} {
  if (body.kind === 'sample') return { chunks: [body.bytes], length: body.bytes.length };
  return { chunks: toBuffers(generateEventListFeed(body.spec)), length: null };
}

/** Encodes text chunks as UTF-8 so byte-level faults (truncate, stall) cut at byte offsets. */
export async function* toBuffers(texts: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const text of texts) yield Buffer.from(text, 'utf8');
}

/** Feed response headers; without a length the body goes out chunked. */
export function xmlHeaders(length: number | null): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/xml; charset=utf-8' };
  if (length !== null) headers['content-length'] = length;
  return headers;
}

/** Describes a body for the request log. */
export function describeBody(body: FeedBody): string {
  return body.kind === 'sample' ? `sample ${body.number}` : 'generated';
}
