import { createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateEventListFeed } from '../../src/simulator/generator/generate-event-list-feed';
import type { FeedSpecInput } from '../../src/simulator/generator/feed-spec';

/** Writes the simulator's generated feed for `spec` to `file` (byte-identical to what it serves); returns its size. */
export async function writeFeedFile(spec: FeedSpecInput, file: string): Promise<number> {
  await pipeline(Readable.from(generateEventListFeed(spec)), createWriteStream(file));
  return statSync(file).size;
}
