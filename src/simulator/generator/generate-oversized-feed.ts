import { setImmediate as nextTurn } from 'node:timers/promises';
import { EVENT_LIST_FOOTER, EVENT_LIST_HEADER } from './event-list-envelope';
import { feedSpecSchema } from './feed-spec';
import { generateEvent } from './generated-event';
import { renderBaseEvent } from './render-base-event';

const CHUNK_BYTES = 64 * 1024;

/** Streams a well-formed, valid-looking feed that is strictly larger than `minBytes` bytes (UTF-8). */
export async function* generateOversizedFeed(minBytes: number, seed = 1): AsyncGenerator<string> {
  const spec = feedSpecSchema.parse({ events: 0, seed });
  let total = Buffer.byteLength(EVENT_LIST_HEADER) + Buffer.byteLength(EVENT_LIST_FOOTER);
  let chunk = EVENT_LIST_HEADER;
  let chunkBytes = 0;
  for (let index = 0; total <= minBytes; index++) {
    const baseEvent = renderBaseEvent(generateEvent(spec, index));
    const bytes = Buffer.byteLength(baseEvent);
    chunk += baseEvent;
    chunkBytes += bytes;
    total += bytes;
    if (chunkBytes >= CHUNK_BYTES) {
      yield chunk;
      chunk = '';
      chunkBytes = 0;
      await nextTurn(); // lets timers and sockets run between chunks, as generateEventListFeed does
    }
  }
  yield chunk + EVENT_LIST_FOOTER;
}
