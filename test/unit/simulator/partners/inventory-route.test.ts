import { createSimulator } from '../../../../src/simulator/create-simulator';
import type { Simulator } from '../../../../src/simulator/create-simulator';
import {
  controlPartner,
  getInventory,
  isoDay,
  partnerRequests,
  partnerStatus,
  postPartnerControl,
  slotsOf,
  weekOf,
} from './partner-client';

describe('GET /partners/:providerId/inventory/:productId', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await createSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('answers a running day with JSON slots in the partner API shape', async () => {
    const [date] = (await weekOf(simulator)).running;
    const res = await getInventory(simulator, { date });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const slots = await slotsOf(Promise.resolve(res));
    expect(slots.length).toBeGreaterThanOrEqual(2);
    for (const slot of slots) {
      expect(slot).toEqual({
        startDate: date,
        startTime: expect.stringMatching(/^\d\d:\d\d$/),
        endTime: expect.stringMatching(/^\d\d:\d\d$/),
        providerSlotId: expect.stringMatching(/^[0-9a-f]{32}$/),
        remaining: expect.any(Number),
        currencyCode: expect.stringMatching(/^[A-Z]{3}$/),
        variantId: expect.any(Number),
        paxAvailability: expect.any(Array),
      });
      expect(slot.endTime > slot.startTime).toBe(true);
      expect(slot.paxAvailability[0]).toEqual({
        type: 'ADULT_12~99',
        name: 'Adult',
        description: '12 and over',
        min: 1,
        max: 10,
        remaining: slot.remaining,
        isPrimary: true,
        price: {
          finalPrice: expect.any(Number),
          originalPrice: expect.any(Number),
          discount: expect.any(Number),
          currencyCode: slot.currencyCode,
        },
      });
    }
  });

  it('answers the same body every time, and an empty array on the weekdays the product does not run', async () => {
    const { running, idle } = await weekOf(simulator);
    expect(running.length).toBeGreaterThan(0);
    expect(idle.length).toBeGreaterThan(0);
    for (const date of idle) expect(await slotsOf(getInventory(simulator, { date }))).toEqual([]);
    const first = await (await getInventory(simulator, { date: running[0] })).text();
    expect(await (await getInventory(simulator, { date: running[0] })).text()).toBe(first);
  });

  it('answers an empty array for a date in the past', async () => {
    expect(await slotsOf(getInventory(simulator, { date: '2020-01-06' }))).toEqual([]);
  });

  it('a bumped variant changes seats or prices but keeps the slot ids', async () => {
    const [date] = (await weekOf(simulator)).running;
    const before = await slotsOf(getInventory(simulator, { date }));
    expect((await controlPartner(simulator, 'acme', { variant: 2 })).variant).toBe(2);
    const after = await slotsOf(getInventory(simulator, { date }));
    expect(after).not.toEqual(before);
    expect(after.map((slot) => slot.providerSlotId)).toEqual(before.map((slot) => slot.providerSlotId));
  });

  it('a removed slot disappears from its date and only from there', async () => {
    const [date, otherDate] = (await weekOf(simulator)).running;
    const before = await slotsOf(getInventory(simulator, { date }));
    const removed = before[0]?.startTime as string;
    const status = await controlPartner(simulator, 'acme', {
      removeSlots: [{ productId: 'p-1001', date: date as string, startTime: removed }],
    });
    expect(status.removedSlots).toEqual([{ productId: 'p-1001', date, startTime: removed }]);
    expect(await slotsOf(getInventory(simulator, { date }))).toEqual(before.slice(1));
    const other = await slotsOf(getInventory(simulator, { date: otherDate }));
    expect(other.map((slot) => slot.startTime)).toContain(removed);
  });

  it('answers 401 with a JSON error for a missing or wrong key, and takes a key changed by control', async () => {
    const date = isoDay(Date.now(), 1);
    for (const apiKey of [null, 'wrong']) {
      const res = await getInventory(simulator, { date, apiKey });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'missing or invalid x-api-key' });
    }
    await controlPartner(simulator, 'acme', { apiKey: 'rotated' });
    expect((await getInventory(simulator, { date })).status).toBe(401);
    expect((await getInventory(simulator, { date, apiKey: 'rotated' })).status).toBe(200);
  });

  it('answers 404 for an unknown product and 400 for a missing or impossible date', async () => {
    const unknown = await getInventory(simulator, { productId: 'p-1004', date: isoDay(Date.now(), 1) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'unknown product p-1004' });
    for (const date of [null, '2026-02-30', 'tomorrow']) {
      const res = await getInventory(simulator, { date });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'date must be a real date, YYYY-MM-DD' });
    }
  });

  it('has as many products as control says, and a new seed makes another catalog', async () => {
    const date = isoDay(Date.now(), 1);
    const before = await partnerStatus(simulator);
    const after = await controlPartner(simulator, 'acme', { products: 5, seed: 9 });
    expect(after.catalog.map((product) => product.productId)).toEqual([
      'p-1001',
      'p-1002',
      'p-1003',
      'p-1004',
      'p-1005',
    ]);
    expect(after.catalog.slice(0, 3)).not.toEqual(before.catalog);
    expect((await getInventory(simulator, { productId: 'p-1005', date })).status).toBe(200);
    expect((await getInventory(simulator, { productId: 'p-1006', date })).status).toBe(404);
  });

  it('simulator.partnerUrl is the base the inventory path is appended to', () => {
    expect(simulator.partnerUrl('acme')).toBe(`${simulator.url}/partners/acme`);
  });
});

describe('partner control', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await createSimulator({ partnerApiKey: 'start-up-key' });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('GET /control/partners/:id shows the defaults, with the start-up key', async () => {
    expect(await partnerStatus(simulator)).toMatchObject({
      providerId: 'acme',
      apiKey: 'start-up-key',
      products: 3,
      seed: 1,
      rateLimit: { requests: 30, perSeconds: 60 },
      variant: 0,
      removedSlots: [],
      fault: null,
      requests: 0,
      statuses: {},
    });
  });

  it('the request log lists every inventory request with its status, oldest first', async () => {
    const date = isoDay(Date.now(), 1);
    await controlPartner(simulator, 'acme', { rateLimit: { requests: 3, perSeconds: 600 } });
    const asked = [
      { date, apiKey: 'start-up-key' },
      { date, apiKey: 'wrong' },
      { date, productId: 'p-9', apiKey: 'start-up-key' },
      { date: null, apiKey: 'start-up-key' },
      { date, apiKey: 'start-up-key' },
    ];
    for (const request of asked) await (await getInventory(simulator, request)).text();
    const log = await partnerRequests(simulator);
    expect(log.map((entry) => [entry.productId, entry.date, entry.status])).toEqual([
      ['p-1001', date, 200],
      ['p-1001', date, 401],
      ['p-9', date, 404],
      ['p-1001', null, 400],
      ['p-1001', date, 429],
    ]);
    for (const entry of log) expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    const status = await partnerStatus(simulator);
    expect(status.requests).toBe(5);
    expect(status.statuses).toEqual({ '200': 1, '400': 1, '401': 1, '404': 1, '429': 1 });
    expect(await partnerRequests(simulator, 'other')).toEqual([]);
  });

  it('answers 400 with the problem for an invalid control, and changes nothing', async () => {
    const bodies = [
      { products: 0 },
      { rateLimit: { requests: 10 } },
      { removeSlots: [{ productId: 'p-1001', date: '2026-02-30', startTime: '10:00' }] },
      { fault: { kind: 'explode' } },
      { fault: { kind: 'status', share: 1.5 } },
      { colour: 'blue' },
    ];
    for (const body of bodies) {
      const res = await postPartnerControl(simulator, 'acme', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toEqual(expect.any(String));
    }
    const broken = await postPartnerControl(simulator, 'acme', { products: 'many' });
    expect(await broken.json()).toEqual({ error: expect.stringContaining('products:') });
    expect(await partnerStatus(simulator)).toMatchObject({ products: 3, fault: null, removedSlots: [] });
  });

  it('POST /control/reset brings every partner back to its defaults and clears its request log', async () => {
    const date = isoDay(Date.now(), 1);
    await controlPartner(simulator, 'acme', {
      apiKey: 'other',
      products: 7,
      variant: 3,
      fault: { kind: 'status', status: 500 },
    });
    await (await getInventory(simulator, { date, apiKey: 'other' })).text();
    const res = await fetch(`${simulator.url}/control/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    await res.text();
    expect(await partnerRequests(simulator)).toEqual([]);
    expect(await partnerStatus(simulator)).toMatchObject({
      apiKey: 'start-up-key',
      products: 3,
      variant: 0,
      fault: null,
      requests: 0,
    });
    expect((await getInventory(simulator, { date, apiKey: 'start-up-key' })).status).toBe(200);
  });
});
