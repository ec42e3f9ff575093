import { createSimulator } from '../../../../src/simulator/create-simulator';
import type { Simulator } from '../../../../src/simulator/create-simulator';
import type { PartnerFaultInput } from '../../../../src/simulator/partners/partner-fault';
import { waitFor } from '../../../support/wait-for';
import {
  controlPartner,
  getInventory,
  partnerRequests,
  partnerStatus,
  slotsOf,
  weekOf,
} from './partner-client';

describe('partner faults', () => {
  let simulator: Simulator;
  let date: string;
  const arm = (fault: PartnerFaultInput | null): Promise<unknown> =>
    controlPartner(simulator, 'acme', { fault });
  const statuses = async (count: number): Promise<number[]> => {
    const codes = [];
    for (let i = 0; i < count; i++) {
      const res = await getInventory(simulator, { date });
      await res.text();
      codes.push(res.status);
    }
    return codes;
  };

  beforeAll(async () => {
    simulator = await createSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    simulator.reset();
    // Room for hundreds of requests: these tests are about faults, not the rate limit.
    await controlPartner(simulator, 'acme', { rateLimit: { requests: 10_000, perSeconds: 60 } });
    [date] = (await weekOf(simulator)).running as [string];
  });

  it('status with share 0.2 fails about a fifth of 200 requests with that status, the rest answer slots', async () => {
    await arm({ kind: 'status', status: 503, share: 0.2 });
    const codes = await statuses(200);
    const failed = codes.filter((code) => code === 503).length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(60);
    expect(codes.filter((code) => code !== 503).every((code) => code === 200)).toBe(true);
    expect((await partnerStatus(simulator)).statuses).toEqual({ '200': 200 - failed, '503': failed });
  });

  it('status with times fails that many requests, then the partner answers again', async () => {
    await arm({ kind: 'status', status: 500, times: 2 });
    expect((await partnerStatus(simulator)).fault).toMatchObject({ kind: 'status', remaining: 2 });
    const res = await getInventory(simulator, { date });
    expect(await res.json()).toEqual({ error: 'simulated 500' });
    expect(await statuses(3)).toEqual([500, 200, 200]);
    expect((await partnerStatus(simulator)).fault).toBeNull();
  });

  it('a rate-limit storm answers 429 with its Retry-After for `times` requests, without using up the window', async () => {
    await controlPartner(simulator, 'acme', { rateLimit: { requests: 3, perSeconds: 600 } });
    await arm({ kind: 'rate-limit-storm', retryAfterSeconds: 20, times: 5 });
    for (let i = 0; i < 5; i++) {
      const before = Date.now();
      const res = await getInventory(simulator, { date });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('20');
      const { rateLimitState } = (await res.json()) as {
        rateLimitState: { remaining: number; reset: number };
      };
      expect(rateLimitState.remaining).toBe(0);
      expect(rateLimitState.reset).toBeGreaterThanOrEqual(before + 20_000);
      expect(rateLimitState.reset).toBeLessThanOrEqual(Date.now() + 20_000);
    }
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
  });

  it('malformed answers a 200 labelled JSON whose body is the given text, for `times` requests', async () => {
    await arm({ kind: 'malformed', body: 'not json', times: 1 });
    const res = await getInventory(simulator, { date });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).toBe('not json');
    expect((await slotsOf(getInventory(simulator, { date }))).length).toBeGreaterThan(0);
  });

  it('bad-shape answers JSON in the wrong shape: negative seats, an impossible date, missing fields, strings', async () => {
    await arm({ kind: 'bad-shape' });
    const body = (await (await getInventory(simulator, { date })).json()) as Record<string, unknown>[];
    expect(body).toHaveLength(4);
    const [negative, impossible, missing, strings] = body;
    expect(negative?.remaining).toBe(-3);
    expect(negative?.paxAvailability).toEqual(
      expect.arrayContaining([expect.objectContaining({ remaining: -3 })]),
    );
    expect(impossible?.startDate).toBe(`${date.slice(0, 4)}-02-30`);
    expect(missing).not.toHaveProperty('providerSlotId');
    expect(missing).not.toHaveProperty('startTime');
    expect(typeof strings?.remaining).toBe('string');

    await arm({ kind: 'bad-shape', problem: 'not-an-array' });
    expect(await (await getInventory(simulator, { date })).json()).toEqual({ slots: [expect.any(Object)] });
  });

  it('slow answers the normal slots after the delay', async () => {
    const normal = await (await getInventory(simulator, { date })).text();
    await arm({ kind: 'slow', delayMs: 300, times: 1 });
    const started = Date.now();
    const body = await (await getInventory(simulator, { date })).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(body).toBe(normal);
  });

  it('fault: null clears the fault, and every faulted request is in the request log', async () => {
    await arm({ kind: 'status', status: 502 });
    expect(await statuses(2)).toEqual([502, 502]);
    await arm(null);
    expect(await statuses(1)).toEqual([200]);
    expect((await partnerRequests(simulator)).map((entry) => entry.status)).toEqual([502, 502, 200]);
  });
});

describe('a slow partner answer', () => {
  it('ends at once when the simulator closes', async () => {
    const simulator = await createSimulator();
    try {
      await controlPartner(simulator, 'acme', { fault: { kind: 'slow', delayMs: 60_000 } });
      const pending = getInventory(simulator, { date: '2026-12-03' }).then(
        () => 'answered',
        () => 'failed',
      );
      // The answer is decided and logged before its delay: wait for that, not for a fixed time.
      const logged = async (): Promise<boolean> => (await partnerRequests(simulator)).length > 0;
      await waitFor('the slow request to be logged', logged, { timeoutMs: 5000, intervalMs: 5 });
      const started = Date.now();
      await simulator.close();
      expect(await pending).toBe('failed');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await simulator.close();
    }
  });
});
