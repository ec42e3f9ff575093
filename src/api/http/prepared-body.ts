import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ContentEncoding } from './negotiate-encoding';

/** Bodies smaller than this are sent as they are: compressing them saves less than its headers cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
// Quality 5 is ~10x faster than the default 11 for a few percent more bytes; bodies here can be megabytes.
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

/** One encoding of a prepared body, with the strong ETag of that representation. */
export interface BodyVariant {
  encoding: ContentEncoding;
  bytes: Buffer;
  etag: string;
}

/** A response body serialized once, with its ETag and compressed variants, ready to be sent many times. */
export interface PreparedBody {
  contentType: string;
  identity: BodyVariant;
  gzip?: BodyVariant;
  br?: BodyVariant;
  /** Bytes held by all variants, for the cache's accounting. */
  bytes: number;
}

/** Hashes `bytes` for the ETag and compresses them into `encodings` (when over the threshold), all up front. */
export async function prepareBody(
  bytes: Buffer,
  contentType: string,
  encodings: readonly ContentEncoding[] = ['br', 'gzip'],
): Promise<PreparedBody> {
  const tag = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  const body: PreparedBody = {
    contentType,
    identity: { encoding: 'identity', bytes, etag: `"${tag}"` },
    bytes: bytes.length,
  };
  if (bytes.length < COMPRESSION_THRESHOLD_BYTES) return body;
  const [br, gz] = await Promise.all([
    encodings.includes('br') ? brotli(bytes, BROTLI_OPTIONS) : undefined,
    encodings.includes('gzip') ? gzip(bytes) : undefined,
  ]);
  // Representations differ, so their strong ETags must differ too (RFC 9110 §8.8.3).
  if (br) body.br = { encoding: 'br', bytes: br, etag: `"${tag}-br"` };
  if (gz) body.gzip = { encoding: 'gzip', bytes: gz, etag: `"${tag}-gzip"` };
  body.bytes += (br?.length ?? 0) + (gz?.length ?? 0);
  return body;
}

/** The variant to send for a negotiated coding, falling back to identity when that coding was not prepared. */
export function variantFor(body: PreparedBody, encoding: ContentEncoding): BodyVariant {
  if (encoding === 'br') return body.br ?? body.identity;
  if (encoding === 'gzip') return body.gzip ?? body.identity;
  return body.identity;
}

/** Whether `If-None-Match` names any representation of the body (weak comparison, as RFC 9110 §13.1.2 asks). */
export function matchesEtag(body: PreparedBody, ifNoneMatch: string | undefined): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim().replace(/^W\//, '');
    if (tag === body.identity.etag || tag === body.gzip?.etag || tag === body.br?.etag) return true;
  }
  return false;
}
