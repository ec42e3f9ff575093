import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

/**
 * Writes chunks to the response, waiting for 'drain' whenever the socket buffer is full so a 200 MB
 * feed never sits in memory. Rejects with an AbortError once `signal` aborts (the client went away).
 */
export async function writeChunks(
  res: ServerResponse,
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  signal: AbortSignal,
): Promise<void> {
  for await (const chunk of chunks) {
    signal.throwIfAborted();
    if (!res.write(chunk)) await once(res, 'drain', { signal });
  }
}
