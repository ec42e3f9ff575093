import { Writable } from 'node:stream';

/** A stream a pino logger can write to, keeping each written line parsed and raw. */
export function lineSink(): { stream: Writable; raw: string[]; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
