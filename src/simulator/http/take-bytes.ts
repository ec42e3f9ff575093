/** Passes on the first `limit` bytes and stops the source there. */
export async function* takeBytes(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  limit: number,
): AsyncGenerator<Buffer> {
  let remaining = limit;
  if (remaining <= 0) return;
  for await (const chunk of chunks) {
    if (chunk.length >= remaining) {
      yield chunk.subarray(0, remaining);
      return;
    }
    remaining -= chunk.length;
    yield chunk;
  }
}
