import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { EventReject, ProviderEvent } from '../../../../src/domain/event';
import type { FeedContext } from '../../../../src/providers/feed-context';
import type { FeedInput } from '../../../../src/providers/feed-input';
import { parseXmlEventList } from '../../../../src/providers/xml-event-list/parse-xml-event-list';

const FIXTURES = path.join(__dirname, '../../../fixtures/fever');

/** Everything one parse produced, split by kind. */
export interface ParsedFeed {
  events: ProviderEvent[];
  rejects: EventReject[];
}

/** Bytes of a fixture under test/fixtures/fever. */
export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

/** The bytes as a stream of chunks of `size` bytes, as a network or file read might deliver them. */
export function chunked(bytes: Uint8Array, size: number): FeedInput {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    chunks.push(bytes.subarray(at, at + size));
  }
  return Readable.from(chunks);
}

/** Runs the parser to the end and collects what it yielded; an array is streamed chunk by chunk. */
export async function parse(
  input: FeedInput | (Uint8Array | string)[],
  ctx: Partial<FeedContext> = {},
): Promise<ParsedFeed> {
  const parsed: ParsedFeed = { events: [], rejects: [] };
  const source = Array.isArray(input) ? Readable.from(input) : input;
  for await (const item of parseXmlEventList(source, { providerId: 'fever', timeZone: 'UTC', ...ctx })) {
    if (item.kind === 'event') parsed.events.push(item.event);
    else parsed.rejects.push(item.reject);
  }
  return parsed;
}

/** Parses a fixture streamed in 64 KiB chunks, like a file read. */
export function parseFixture(name: string, ctx: Partial<FeedContext> = {}): Promise<ParsedFeed> {
  return parse(chunked(fixture(name), 64 * 1024), ctx);
}
