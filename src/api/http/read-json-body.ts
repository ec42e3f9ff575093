import type { IncomingMessage } from 'node:http';
import { InvalidBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../api-errors';

/** Default byte limit of admin request bodies: a note, never a document. */
export const ADMIN_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Reads and parses a JSON request body of at most `limitBytes`; resolves `undefined` when there is no body.
 * A declared Content-Length over the limit is refused before reading a byte; a chunked body is cut at the limit.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limitBytes = ADMIN_BODY_LIMIT_BYTES,
): Promise<unknown> {
  const declared = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || declared === '0')) return undefined;
  if (declared !== undefined && Number(declared) > limitBytes) throw tooLarge(limitBytes);
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaTypeError('request body must be application/json');
  }
  const text = await readText(req, limitBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidBodyError('request body is not valid JSON');
  }
}

function tooLarge(limitBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`request body must be at most ${limitBytes} bytes`);
}

// Listeners rather than `for await`: leaving an async iterator early destroys the socket, and the 413 with it.
function readText(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const settle = (outcome: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limitBytes) return void chunks.push(chunk);
      settle(() => reject(tooLarge(limitBytes)));
      req.resume();
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks).toString('utf8')));
    const onFailure = () =>
      settle(() => reject(new InvalidBodyError('request body was not received in full')));
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure);
  });
}
