import { TextDecoder } from 'node:util';
import { assertValidTimeZone } from '../../domain/time-zone';
import type { FeedContext } from '../feed-context';
import type { FeedInput } from '../feed-input';
import type { FeedItem } from '../feed-item';
import { EventListReader } from './event-list-reader';

const DEFAULT_MAX_DEPTH = 32;
// A source may hand over one huge chunk; parsing it in slices bounds the items held between yields.
const SLICE_CHARS = 64 * 1024;

/**
 * Streams an `<eventList>` XML feed into one item per `<event>`: the normalized event, or a reject with
 * its reason, position and snippet. Throws MalformedFeedError when the feed is not well-formed UTF-8
 * XML, nests deeper than `maxDepth` (default 32) or is not an event list; items already yielded then
 * belong to a parse the caller must discard.
 */
export async function* parseXmlEventList(
  input: FeedInput,
  ctx: FeedContext,
): AsyncGenerator<FeedItem, void, undefined> {
  assertValidTimeZone(ctx.timeZone);
  const reader = new EventListReader({
    providerId: ctx.providerId,
    timeZone: ctx.timeZone,
    maxDepth: ctx.maxDepth ?? DEFAULT_MAX_DEPTH,
  });
  // fatal: a byte that is not UTF-8 must fail the feed, not become U+FFFD in a title.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decode(decoder, reader, chunk);
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      reader.write(text.length <= SLICE_CHARS ? text : text.slice(at, at + SLICE_CHARS));
      yield* reader.drain();
    }
  }
  reader.write(decode(decoder, reader));
  reader.end();
  yield* reader.drain();
}

/** Decodes the next bytes, keeping a character split across chunks for the next call; none flushes. */
function decode(decoder: TextDecoder, reader: EventListReader, bytes?: Uint8Array): string {
  try {
    return decoder.decode(bytes, { stream: bytes !== undefined });
  } catch {
    throw reader.malformed('the feed is not valid UTF-8');
  }
}
