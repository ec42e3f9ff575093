import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Appends JSON lines to a file, honouring backpressure. */
export class NdjsonWriter {
  private readonly stream: WriteStream;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async write(value: unknown): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
  }
}

/** Reads a JSON-lines file in batches, starting after `skip` lines (a resumed activity skips what it did). */
export async function* readNdjsonBatches<T>(file: string, batchSize: number, skip = 0): AsyncGenerator<T[]> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch: T[] = [];
  let index = 0;
  for await (const line of lines) {
    if (index++ < skip || line === '') continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
