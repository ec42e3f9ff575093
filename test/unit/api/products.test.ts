import { productKey } from '../../../src/domain/product-key';
import { createContractValidator } from '../../support/contract';
import { fixtureSlots } from './fakes/fake-availability';
import { createTestApp, generationSettled, type TestApp } from './fakes/test-app';

const products = createContractValidator('/products', { served: true });
const dates = createContractValidator('/products/{id}/dates', { served: true });
const slots = createContractValidator('/products/{id}/slots', { served: true });
const P1 = productKey('partner', 'p-1001');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('GET /products', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function get(query: string) {
    const res = await t.http.get(`/products${query}`);
    products.assert(res.status, res.body);
    return res;
  }

  it('lists the configured products of availability providers, each with its stable id', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        products: ['p-1001', 'p-1002', 'p-1003'].map((id) => ({
          id: productKey('partner', id),
          provider_id: 'partner',
          product_id: id,
        })),
      },
      error: null,
    });
  });

  it('filters by provider', async () => {
    const res = await get('?provider=partner');
    expect(res.body.data.products).toHaveLength(3);
  });

  test.each([
    ['a provider nobody configured', 404, 'unknown_provider', '?provider=nobody'],
    ['a provider of another kind', 404, 'unknown_provider', '?provider=fever'],
    ['an empty provider', 400, 'invalid_parameter', '?provider='],
    ['a provider that is no id', 400, 'invalid_parameter', '?provider=%3Cb%3E'],
    ['a repeated provider', 400, 'invalid_parameter', '?provider=partner&provider=partner'],
  ])('answers %s with %i %s', async (_case, status, code, query) => {
    const res = await get(query);
    expect([res.status, res.body.error?.code, res.body.data]).toEqual([status, code, null]);
  });
});

describe('GET /products/:id/dates', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
    t.availability.dates.set('p-1001', [
      { date: '2026-12-04', min_price: 15, currency: 'EUR' },
      { date: '2026-12-05', min_price: null, currency: 'EUR' },
      { date: '2027-03-01', min_price: 20, currency: 'EUR' },
    ]);
  });
  afterEach(() => t.close());

  async function get(id = P1) {
    const res = await t.http.get(`/products/${id}/dates`);
    dates.assert(res.status, res.body);
    return res;
  }

  it('answers the dates of the next 60 days from today in the provider’s time zone', async () => {
    t.clock.now = new Date('2026-12-03T23:30:00Z');
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.data.dates).toEqual([
      { date: '2026-12-04', min_price: 15, currency: 'EUR' },
      { date: '2026-12-05', min_price: null, currency: 'EUR' },
    ]);
    // 23:30 in UTC is already the 4th in Madrid.
    expect(t.availability.reads).toEqual([{ product: 'p-1001', from: '2026-12-04', to: '2027-02-01' }]);
  });

  it('caches the answer per data generation and day, like /search', async () => {
    await generationSettled(t);
    const first = await get();
    const second = await get();
    const notModified = await t.http.get(`/products/${P1}/dates`).set('If-None-Match', first.headers.etag!);
    t.clock.now = new Date('2026-12-04T10:00:00Z');
    const nextDay = await get();
    expect([first.headers['x-cache'], second.headers['x-cache'], nextDay.headers['x-cache']]).toEqual([
      'MISS',
      'HIT',
      'MISS',
    ]);
    expect(notModified.status).toBe(304);
    expect(t.availability.reads).toHaveLength(2);
  });

  it('reads again once a sync publishes a new data generation', async () => {
    await generationSettled(t);
    await get();
    t.availability.dates.set('p-1001', []);
    t.eventSearch.bumpGeneration();
    await generationSettled(t);
    const res = await get();
    expect([res.headers['x-cache'], res.body.data.dates]).toEqual(['MISS', []]);
  });

  it('answers the last cached dates when Elasticsearch fails, and 503 when none are cached', async () => {
    await generationSettled(t);
    await get();
    t.availability.failure = new Error('connect ECONNREFUSED 10.1.2.3:9200');
    t.eventSearch.bumpGeneration();
    await generationSettled(t);
    const stale = await get();
    const uncached = await get(productKey('partner', 'p-1002'));
    expect(stale.headers['x-cache']).toBe('STALE');
    expect(stale.body.data.dates).toHaveLength(2);
    expect([uncached.status, uncached.body.error.code]).toEqual([503, 'unavailable']);
    expect(uncached.text).not.toContain('10.1.2.3');
  });

  test.each([
    ['an id that is no UUID', 400, 'invalid_parameter', 'p-1001'],
    ['a UUID no configured product has', 404, 'not_found', UNKNOWN_ID],
  ])('answers %s with %i %s', async (_case, status, code, id) => {
    const res = await get(id);
    expect([res.status, res.body.error?.code, res.body.data]).toEqual([status, code, null]);
    expect(t.availability.reads).toEqual([]);
  });

  it('finds the product whatever the case of its id', async () => {
    expect((await get(P1.toUpperCase())).status).toBe(200);
  });
});

describe('GET /products/:id/slots', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
    t.availability.slots.set('p-1001|2026-12-03', fixtureSlots('p-1001'));
  });
  afterEach(() => t.close());

  async function get(query: string, id = P1) {
    const res = await t.http.get(`/products/${id}/slots${query}`);
    slots.assert(res.status, res.body);
    return res;
  }

  it('answers the date’s slots with their pax availability as the partner gave it', async () => {
    const res = await get('?date=2026-12-03');
    expect(res.status).toBe(200);
    expect(res.body.data.slots.map((s: { provider_slot_id: string }) => s.provider_slot_id)).toEqual([
      'a8f0c2d1-morning',
      'b7e1-night',
      'c9-sold-out',
    ]);
    expect(res.body.data.slots[1]).toMatchObject({
      start_date: '2026-12-03',
      start_time: '22:30',
      end_date: '2026-12-04',
      end_time: '01:00',
      starts_at: '2026-12-03T21:30:00.000Z',
      remaining: 4,
      variant_id: null,
      min_price: 45,
    });
    expect(res.body.data.slots[0].pax_availability[0]).toEqual({
      type: 'ADULT_12~99',
      name: 'Adult',
      description: '12 and over',
      min: 1,
      max: 10,
      remaining: 12,
      isPrimary: true,
      price: { finalPrice: 30.5, originalPrice: 35, discount: 4.5, currencyCode: 'EUR' },
    });
  });

  it('answers a date without slots with an empty list', async () => {
    const res = await get('?date=2026-12-10');
    expect([res.status, res.body.data.slots]).toEqual([200, []]);
  });

  it('caches per date', async () => {
    await generationSettled(t);
    const answers = [];
    for (const date of ['2026-12-03', '2026-12-03', '2026-12-04'])
      answers.push((await get(`?date=${date}`)).headers['x-cache']);
    expect(answers).toEqual(['MISS', 'HIT', 'MISS']);
  });

  test.each([
    ['no date', 400, 'invalid_parameter', '', P1, /^date: is required/],
    ['a date that does not exist', 400, 'invalid_parameter', '?date=2026-02-30', P1, /^date: must be a date/],
    ['a date-time', 400, 'invalid_parameter', '?date=2026-12-03T10:00:00Z', P1, /^date/],
    ['a repeated date', 400, 'invalid_parameter', '?date=2026-12-03&date=2026-12-04', P1, /^date/],
    ['an id that is no UUID', 400, 'invalid_parameter', '?date=2026-12-03', 'p-1001', /^id/],
    ['a bad date of an unknown product', 400, 'invalid_parameter', '?date=tomorrow', UNKNOWN_ID, /^date/],
    ['a UUID no configured product has', 404, 'not_found', '?date=2026-12-03', UNKNOWN_ID, /no product/],
  ])('answers %s with %i %s', async (_case, status, code, query, id, message) => {
    const res = await get(query, id);
    expect([res.status, res.body.error?.code, res.body.data]).toEqual([status, code, null]);
    expect(res.body.error.message).toMatch(message);
    expect(t.availability.reads).toEqual([]);
  });
});
