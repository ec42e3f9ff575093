import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

// Lines can be tens of KB (an event with hundreds of zones): with the default 16 KB buffer nearly every
// line would wait for its own write to reach the disk before the parser could go on.
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Appends lines to a file, honouring backpressure. A failure of the file (its folder removed, the disk
 * full) rejects the next write or the close, never goes unhandled, and never leaves a write waiting.
 */
export class LineWriter {
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  private readonly failed: Promise<never>;

  constructor(file: string) {
    this.stream = createWriteStream(file, { highWaterMark: WRITE_BUFFER_BYTES });
    this.failed = new Promise<never>((_resolve, reject) => {
      // `on`, not `once`: a destroyed stream may report more errors, and each needs a listener.
      this.stream.on('error', (error) => {
        this.failure ??= error;
        reject(error);
      });
    });
    // Nobody may be waiting when the stream fails: the rejection is kept for the next write or close.
    this.failed.catch(() => undefined);
  }

  /** Writes `line` and a newline; `line` must not contain one. */
  async write(line: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(`${line}\n`)) await Promise.race([once(this.stream, 'drain'), this.failed]);
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    const closed = once(this.stream, 'close');
    this.stream.end();
    await Promise.race([closed, this.failed]);
  }
}

/** A batch closes at `maxLines` lines or, when set, once its lines hold `maxChars` characters. */
export interface LineBatchLimits {
  maxLines: number;
  maxChars?: number;
}

/**
 * Reads a file's non-empty lines through `parse` in batches, starting after `skip` lines (a resumed
 * activity skips what it did).
 */
export async function* readLineBatches<T>(
  file: string,
  limits: LineBatchLimits,
  parse: (line: string) => T,
  skip = 0,
): AsyncGenerator<T[]> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const maxChars = limits.maxChars ?? Infinity;
  let batch: T[] = [];
  let chars = 0;
  let index = 0;
  for await (const line of lines) {
    if (index++ < skip || line === '') continue;
    batch.push(parse(line));
    chars += line.length;
    if (batch.length >= limits.maxLines || chars >= maxChars) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
