import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { echoLines } from '../../../scripts/stack/echo-lines';

async function echoed(chunks: Buffer[]): Promise<string[]> {
  const stream = new PassThrough();
  const lines: string[] = [];
  echoLines(stream, (line) => lines.push(line));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await finished(stream.resume());
  return lines;
}

describe('echoLines', () => {
  it('echoes a line split across chunks once, whole, even inside a multi-byte character', async () => {
    const bytes = Buffer.from('{"msg":"café"}\n{"msg":"second"}\n');
    const cut = bytes.indexOf(0xa9); // the second byte of é

    expect(await echoed([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([
      '{"msg":"café"}',
      '{"msg":"second"}',
    ]);
  });

  it('skips blank lines and echoes a last line that has no newline', async () => {
    expect(await echoed([Buffer.from('first\n\n  \nlast')])).toEqual(['first', 'last']);
  });
});
