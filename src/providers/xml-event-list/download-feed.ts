import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApplicationFailure } from '@temporalio/activity';
import { request } from 'undici';
import { SyncFailureType } from '../../domain/sync-failure-types';
import { retryAfterMs } from '../retry-after-ms';
import { durationMs } from '../settings-fields';
import type { XmlEventListSettings } from './xml-event-list-settings';

/** A feed on the worker's disk, as downloaded. */
export interface DownloadedFeed {
  path: string;
  bytes: number;
  sha256: string;
  fetchedAt: string;
}

/**
 * Streams a provider's feed to `file` with a byte limit and timeouts, hashing it on the way.
 * Failures carry a type saying whether a retry can help; 429 asks to retry after Retry-After.
 */
export async function downloadFeed(
  provider: XmlEventListSettings,
  file: string,
  onProgress: (bytes: number) => void,
): Promise<DownloadedFeed> {
  await mkdir(path.dirname(file), { recursive: true });
  const timeout = durationMs(provider.requestTimeout);
  const response = await request(provider.url, {
    headers: { accept: 'application/xml, text/xml', ...provider.headers },
    headersTimeout: timeout,
    bodyTimeout: timeout,
  }).catch((error: Error) => {
    throw unavailable(provider, `request failed: ${describe(error)}`);
  });
  if (response.statusCode !== 200) {
    await response.body.dump().catch(() => undefined);
    throw statusFailure(provider, response.statusCode, response.headers['retry-after']);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > provider.maxFeedBytes) {
        done(tooLarge(provider));
        return;
      }
      hash.update(chunk);
      onProgress(bytes);
      done(null, chunk);
    },
  });
  try {
    // A 1 MB buffer: the default 16 KB would wait on the disk after every 64 KB chunk of the body.
    await pipeline(response.body, meter, createWriteStream(file, { highWaterMark: 1024 * 1024 }));
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof ApplicationFailure) throw error;
    throw unavailable(provider, `reading the body failed after ${bytes} bytes: ${describe(error as Error)}`);
  }
  return { path: file, bytes, sha256: hash.digest('hex'), fetchedAt: new Date().toISOString() };
}

function statusFailure(
  provider: XmlEventListSettings,
  status: number,
  retryAfter: string | string[] | undefined,
) {
  if (status === 429) {
    const delayMs = retryAfterMs(retryAfter);
    return ApplicationFailure.create({
      type: SyncFailureType.ProviderRateLimited,
      message: `provider ${provider.id} answered 429 Too Many Requests; retrying after ${delayMs / 1000}s`,
      nextRetryDelay: delayMs,
    });
  }
  if (status >= 500 || status === 408) {
    // A 503 with Retry-After says when to come back; without it the retry policy's backoff applies.
    const delayMs = retryAfter === undefined ? undefined : retryAfterMs(retryAfter);
    return unavailable(provider, `answered HTTP ${status}`, delayMs);
  }
  return ApplicationFailure.create({
    type: SyncFailureType.ProviderRejectedRequest,
    message: `provider ${provider.id} answered HTTP ${status} to ${provider.url}`,
    nonRetryable: true,
  });
}

function unavailable(
  provider: XmlEventListSettings,
  what: string,
  nextRetryDelayMs?: number,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: SyncFailureType.ProviderUnavailable,
    message: `provider ${provider.id} ${what}`,
    nextRetryDelay: nextRetryDelayMs,
  });
}

function tooLarge(provider: XmlEventListSettings): ApplicationFailure {
  return ApplicationFailure.create({
    type: SyncFailureType.FeedTooLarge,
    message: `provider ${provider.id} sent more than maxFeedBytes (${provider.maxFeedBytes} bytes)`,
    nonRetryable: true,
  });
}

function describe(error: Error): string {
  const code = (error as { code?: string }).code;
  return code ? `${code} ${error.message}` : error.message;
}
