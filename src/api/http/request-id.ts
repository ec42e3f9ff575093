import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Header carrying the request id, in and out. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

// Echoed ids end up in our logs and headers: accept only short, plain tokens.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: a sane incoming `X-Request-Id`, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}
