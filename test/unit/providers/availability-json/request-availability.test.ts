import { ApplicationFailure } from '@temporalio/common';
import type { AvailabilityJsonSettings } from '../../../../src/providers/availability-json/availability-json-settings';
import {
  requestAvailability,
  retryAt,
} from '../../../../src/providers/availability-json/request-availability';
import { SyncFailureType } from '../../../../src/domain/sync-failure-types';
import { createSimulator, type Simulator } from '../../../../src/simulator/create-simulator';

const KEY = 'unit-partner-key';

describe('requestAvailability', () => {
  let simulator: Simulator;
  let partner: AvailabilityJsonSettings;
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    simulator = await createSimulator({ partnerApiKey: KEY });
    partner = {
      id: 'acme',
      kind: 'availability-json',
      baseUrl: simulator.partnerUrl('acme'),
      apiKey: KEY,
      products: ['p-1001'],
      rateLimit: { requests: 30, per: '60s' },
      windows: { today: { days: [0, 0], every: '15m' } },
      timeZone: 'UTC',
      requestTimeout: '5s',
      enabled: true,
    };
  });

  afterAll(async () => {
    await simulator.close();
  });

  const control = (body: unknown) =>
    fetch(`${simulator.url}/control/partners/acme`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function failureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }

  it('answers the body of a 200 with its fetch time, sending the API key', async () => {
    const answer = await requestAvailability(partner, 'p-1001', date);

    expect(answer.status).toBe('ok');
    expect(JSON.parse((answer as { body: string }).body)).toEqual(expect.any(Array));
  });

  it('turns a 429 into the instant the partner takes requests again', async () => {
    await control({ fault: { kind: 'rate-limit-storm', retryAfterSeconds: 20, times: 1 } });
    const before = Date.now();

    const answer = await requestAvailability(partner, 'p-1001', date);

    expect(answer.status).toBe('rate-limited');
    const at = (answer as { retryAt: number }).retryAt;
    expect(at).toBeGreaterThanOrEqual(before + 20_000);
    expect(at).toBeLessThan(Date.now() + 21_000);
  });

  it('takes the later of Retry-After and the body reset', () => {
    expect(
      retryAt('5', JSON.stringify({ rateLimitState: { remaining: 0, reset: 1_000_009_000 } }), 1_000_000_000),
    ).toBe(1_000_009_000);
    expect(retryAt('5', 'not json', 1_000_000_000)).toBe(1_000_005_000);
  });

  it('fails non-retryably on a wrong key and on an unknown product, saying which', async () => {
    const wrongKey = await failureOf(requestAvailability({ ...partner, apiKey: 'nope' }, 'p-1001', date));
    expect(wrongKey).toMatchObject({ type: SyncFailureType.ProviderRejectedRequest, nonRetryable: true });
    expect(wrongKey.message).toContain('HTTP 401');

    const unknown = await failureOf(requestAvailability(partner, 'p-9999', date));
    expect(unknown).toMatchObject({ type: SyncFailureType.UnknownProduct, nonRetryable: true });
  });

  it('fails retryably on a 5xx and on a partner that cannot be reached', async () => {
    await control({ fault: { kind: 'status', status: 503, share: 1, times: 1 } });
    const down = await failureOf(requestAvailability(partner, 'p-1001', date));
    expect(down).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });

    const unreachable = await failureOf(
      requestAvailability({ ...partner, baseUrl: 'http://127.0.0.1:9/partners/acme' }, 'p-1001', date),
    );
    expect(unreachable).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
  });
});
