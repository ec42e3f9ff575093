import { ApplicationFailure } from '@temporalio/activity';
import { request } from 'undici';
import { SyncFailureType } from '../../domain/sync-failure-types';
import { retryAfterMs } from '../retry-after-ms';
import { durationMs } from '../settings-fields';
import type { AvailabilityJsonSettings } from './availability-json-settings';

// A day's slots of one product: a few kilobytes. More is not an answer this request asked for.
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** What one request for a product's date got: the body, or a 429 saying until when to stop asking. */
export type AvailabilityAnswer =
  { status: 'ok'; body: string; fetchedAt: string } | { status: 'rate-limited'; retryAt: number };

/**
 * Asks the partner for `productId` on `date`: one HTTP request, never retried here (the activity's retry
 * policy does that, and the task queue's rate limit paces each attempt). Failures carry a type that says
 * whether a retry can help.
 */
export async function requestAvailability(
  provider: AvailabilityJsonSettings,
  productId: string,
  date: string,
  now: () => number = Date.now,
): Promise<AvailabilityAnswer> {
  const url = `${provider.baseUrl}/inventory/${encodeURIComponent(productId)}?date=${date}`;
  const timeout = durationMs(provider.requestTimeout);
  const what = `${productId} on ${date}`;
  const response = await request(url, {
    headers: { accept: 'application/json', 'x-api-key': provider.apiKey },
    headersTimeout: timeout,
    bodyTimeout: timeout,
  }).catch((error: Error) => {
    throw unavailable(provider, `request for ${what} failed: ${error.message}`);
  });
  const body = await readBody(response.body, provider, what);
  if (response.statusCode === 200) return { status: 'ok', body, fetchedAt: new Date(now()).toISOString() };
  if (response.statusCode === 429)
    return { status: 'rate-limited', retryAt: retryAt(response.headers['retry-after'], body, now()) };
  throw statusFailure(provider, response.statusCode, what, response.headers['retry-after']);
}

/**
 * When the partner takes requests again: the later of Retry-After and the body's `rateLimitState.reset`,
 * so neither a rounded header nor a missing body makes the hub come back early.
 */
export function retryAt(header: string | string[] | undefined, body: string, now: number): number {
  const fromHeader = now + retryAfterMs(header, now);
  const reset = resetOf(body);
  return reset !== null && reset > fromHeader ? reset : fromHeader;
}

function resetOf(body: string): number | null {
  try {
    const reset = (JSON.parse(body) as { rateLimitState?: { reset?: unknown } }).rateLimitState?.reset;
    return typeof reset === 'number' && Number.isFinite(reset) ? reset : null;
  } catch {
    return null;
  }
}

async function readBody(
  body: AsyncIterable<Buffer>,
  provider: AvailabilityJsonSettings,
  what: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > MAX_ANSWER_BYTES)
        throw ApplicationFailure.create({
          type: SyncFailureType.MalformedAnswer,
          message: `provider ${provider.id} sent more than ${MAX_ANSWER_BYTES} bytes for ${what}`,
          nonRetryable: true,
        });
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ApplicationFailure) throw error;
    throw unavailable(provider, `reading the answer for ${what} failed: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function statusFailure(
  provider: AvailabilityJsonSettings,
  status: number,
  what: string,
  retryAfter: string | string[] | undefined,
): ApplicationFailure {
  if (status >= 500 || status === 408) {
    const delayMs = retryAfter === undefined ? undefined : retryAfterMs(retryAfter);
    return unavailable(provider, `answered HTTP ${status} for ${what}`, delayMs);
  }
  if (status === 404)
    return ApplicationFailure.create({
      type: SyncFailureType.UnknownProduct,
      message: `provider ${provider.id} does not know product ${what} (HTTP 404)`,
      nonRetryable: true,
    });
  return ApplicationFailure.create({
    type: SyncFailureType.ProviderRejectedRequest,
    message: `provider ${provider.id} answered HTTP ${status} for ${what}${status === 401 ? ': check its API key' : ''}`,
    nonRetryable: true,
  });
}

function unavailable(provider: AvailabilityJsonSettings, what: string, delayMs?: number): ApplicationFailure {
  return ApplicationFailure.create({
    type: SyncFailureType.ProviderUnavailable,
    message: `provider ${provider.id} ${what}`,
    nextRetryDelay: delayMs,
  });
}
