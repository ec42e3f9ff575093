import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * Calls `echo` with each non-blank line of `stream`, without its newline. Whole lines only: a pipe's
 * chunks can end inside a line, or inside a multi-byte character.
 */
export function echoLines(stream: Readable, echo: (line: string) => void): void {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const emit = (text: string): void => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) echo(line);
  };
  stream.on('data', (chunk: Buffer) => emit(decoder.write(chunk)));
  stream.on('end', () => emit(`${decoder.end()}\n`));
}
