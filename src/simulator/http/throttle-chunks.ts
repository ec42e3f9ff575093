import { setTimeout as sleep } from 'node:timers/promises';

/** Slices go out this often; small enough that a client sees a steady trickle. */
const TICK_MS = 50;

/** Re-emits the bytes in small slices spaced so they arrive at about `bytesPerSecond`. */
export async function* throttleChunks(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  bytesPerSecond: number,
  signal: AbortSignal,
): AsyncGenerator<Buffer> {
  const sliceBytes = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
  const sliceMs = (sliceBytes * 1000) / bytesPerSecond;
  let first = true;
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length; offset += sliceBytes) {
      // The abortable sleep lets close() end a slow response without waiting out its timers.
      if (!first) await sleep(sliceMs, undefined, { signal });
      first = false;
      yield chunk.subarray(offset, offset + sliceBytes);
    }
  }
}
