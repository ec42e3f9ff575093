import { setImmediate as nextTurn } from 'node:timers/promises';
import { EVENT_LIST_FOOTER, EVENT_LIST_HEADER } from './event-list-envelope';
import { feedSpecSchema } from './feed-spec';
import type { FeedSpecInput } from './feed-spec';
import { generateEvent } from './generated-event';
import { renderBaseEvent } from './render-base-event';

/** Chunks hold whole base events and are flushed past this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Streams a deterministic feed in the provider's XML format, chunk by chunk, never holding it whole
 * (feeds reach hundreds of MB). Write it to a file with
 * `pipeline(Readable.from(generateEventListFeed(spec)), createWriteStream(path))`.
 */
export async function* generateEventListFeed(input: FeedSpecInput): AsyncGenerator<string> {
  const spec = feedSpecSchema.parse(input);
  let chunk = EVENT_LIST_HEADER;
  for (let index = 0; index < spec.events; index++) {
    chunk += renderBaseEvent(generateEvent(spec, index));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
      // A consumer that never waits on I/O (hashing, counting) would otherwise keep the event loop
      // busy for the whole feed; one macrotask turn per chunk keeps timers and sockets served.
      await nextTurn();
    }
  }
  yield chunk + EVENT_LIST_FOOTER;
}
