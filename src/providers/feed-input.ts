/** A feed's bytes as they arrive: a file or HTTP stream, or any async source of chunks. */
export type FeedInput = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;
