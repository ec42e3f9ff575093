import type { IncomingMessage } from 'node:http';
import { InvalidControlError } from '../invalid-control-error';

/** Control payloads are small; anything bigger is a mistake, not a feed. */
const MAX_BYTES = 64 * 1024;

/** Reads and parses a JSON request body; an empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > MAX_BYTES) throw new InvalidControlError(`body larger than ${MAX_BYTES} bytes`);
    parts.push(part);
  }
  const text = Buffer.concat(parts).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidControlError('body is not valid JSON');
  }
}
