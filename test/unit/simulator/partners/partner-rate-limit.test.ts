import { createSimulator } from '../../../../src/simulator/create-simulator';
import type { Simulator } from '../../../../src/simulator/create-simulator';
import { controlPartner, getInventory, isoDay } from './partner-client';

describe('partner rate limit over HTTP (fake clock)', () => {
  const start = Date.UTC(2026, 11, 1, 9, 0, 0);
  let now = start;
  let simulator: Simulator;
  const date = isoDay(start, 2);
  const status = async (request: Parameters<typeof getInventory>[1] = { date }): Promise<number> => {
    const res = await getInventory(simulator, request);
    await res.text();
    return res.status;
  };

  beforeAll(async () => {
    simulator = await createSimulator({ now: () => now });
  });
  afterAll(() => simulator.close());
  beforeEach(() => {
    now = start;
    simulator.reset();
  });

  it('refuses the 11th request in 10 s with 429, Retry-After and reset, and accepts one when the oldest leaves', async () => {
    await controlPartner(simulator, 'acme', { rateLimit: { requests: 10, perSeconds: 10 } });
    for (let i = 0; i < 10; i++) {
      now = start + i * 500;
      expect(await status()).toBe(200);
    }
    now = start + 6_200;
    const refused = await getInventory(simulator, { date });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('4');
    expect(await refused.json()).toEqual({ rateLimitState: { remaining: 0, reset: start + 10_000 } });

    now = start + 9_999;
    expect(await status()).toBe(429);
    now = start + 10_000;
    expect(await status()).toBe(200);
    expect(await status()).toBe(429);
  });

  it('counts each partner apart, and a wrong key does not use up the window', async () => {
    await controlPartner(simulator, 'acme', { rateLimit: { requests: 2, perSeconds: 60 } });
    for (let i = 0; i < 5; i++) expect(await status({ date, apiKey: 'wrong' })).toBe(401);
    expect([await status(), await status(), await status()]).toEqual([200, 200, 429]);
    expect(await status({ date, providerId: 'other' })).toBe(200);
  });

  it('allows 30 requests per 60 s by default', async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push(await status());
    expect(statuses.filter((code) => code === 200)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
    now = start + 60_000;
    expect(await status()).toBe(200);
  });
});
