import { createContractValidator } from '../../support/contract';
import { generatedEvents } from './fakes/fake-event-search';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/search');
const CONTRACT_FIELDS = [
  'id',
  'title',
  'start_date',
  'start_time',
  'end_date',
  'end_time',
  'min_price',
  'max_price',
];

describe('GET /search', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  /** Every /search response these tests receive is checked against the consumers' contract. */
  async function search(query: string) {
    const res = await t.http.get(`/search${query}`);
    contract.assert(res.status, res.body);
    return res;
  }

  it('without bounds returns every ever-online event, sorted by start, in the contract envelope', async () => {
    const res = await search('');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.error).toBeNull();
    expect(res.body.data.events.map((e: { title: string }) => e.title)).toEqual([
      'Pantomima Full',
      'Camela en concierto',
      'Los Morancos',
      'Sold-out night',
    ]);
  });

  it('returns exactly the contract EventSummary fields, with null prices when no zone has capacity', async () => {
    const res = await search('?starts_at=2021-09-01T00:00:00Z');
    expect(res.body.data.events).toEqual([
      {
        id: '5e2cd421-6125-5a37-b4f9-bd5f0dc1f146',
        title: 'Sold-out night',
        start_date: '2021-09-15',
        start_time: '19:00:00',
        end_date: '2021-09-15',
        end_time: '23:00:00',
        min_price: null,
        max_price: null,
      },
    ]);
    expect(Object.keys(res.body.data.events[0])).toEqual(CONTRACT_FIELDS);
  });

  it('keeps events that start exactly at starts_at and end exactly at ends_at', async () => {
    const res = await search('?starts_at=2021-06-30T21:00:00Z&ends_at=2021-07-31T21:00:00Z');
    expect(res.body.data.events.map((e: { title: string }) => e.title)).toEqual([
      'Camela en concierto',
      'Los Morancos',
    ]);
  });

  it('passes the window to the search as instants, whatever offset the caller wrote', async () => {
    await search('?starts_at=2021-06-30T23:00:00%2B02:00&ends_at=2021-07-31T16:00:00-05:00');
    expect(t.eventSearch.searches).toEqual([
      { startsAt: new Date('2021-06-30T21:00:00Z'), endsAt: new Date('2021-07-31T21:00:00Z') },
    ]);
  });

  it('reads an offset whose "+" arrived unencoded (as a space) as that offset', async () => {
    const res = await search('?starts_at=2021-06-30T23:00:00+02:00');
    expect(res.status).toBe(200);
    expect(t.eventSearch.searches[0]).toEqual({ startsAt: new Date('2021-06-30T21:00:00Z') });
  });

  it('accepts lower-case t and z, fractional seconds and -00:00', async () => {
    expect((await search('?starts_at=2021-06-30t21:00:00.5z')).status).toBe(200);
    expect((await search('?ends_at=2021-07-31T21:00:00.123456789-00:00')).status).toBe(200);
  });

  it('ignores parameters the contract does not define', async () => {
    const res = await search('?starts_at=2021-09-01T00:00:00Z&page=2&foo=bar&foo=baz');
    expect(res.status).toBe(200);
    expect(res.body.data.events).toHaveLength(1);
  });

  it('returns an empty list when nothing is in the window', async () => {
    const res = await search('?starts_at=2030-01-01T00:00:00Z&ends_at=2030-01-01T00:00:00Z');
    expect(res.body).toEqual({ data: { events: [] }, error: null });
  });

  it('concatenates every page of the search, never stopping at 10,000 events', async () => {
    t.eventSearch.events = generatedEvents(12_345);
    t.eventSearch.pageSize = 1000;
    const res = await search('?starts_at=2029-01-01T00:00:00Z');
    expect(res.body.data.events).toHaveLength(12_345);
    expect(res.body.data.events[12_344].title).toBe('Generated 12344');
  });

  describe('rejects malformed queries with 400 in the contract error shape', () => {
    const longValue = `2021-01-01T00:00:00.${'0'.repeat(100)}Z`;
    test.each([
      ['a value that is not a date', '?starts_at=yesterday', 'invalid_parameter'],
      ['an impossible date (February 30)', '?starts_at=2021-02-30T00:00:00Z', 'invalid_parameter'],
      ['February 29 of a common year', '?ends_at=2021-02-29T10:00:00Z', 'invalid_parameter'],
      ['hour 24', '?starts_at=2021-01-01T24:00:00Z', 'invalid_parameter'],
      ['month 13', '?starts_at=2021-13-01T00:00:00Z', 'invalid_parameter'],
      ['a leap second that is not 23:59:60 UTC', '?starts_at=2021-01-01T10:59:60Z', 'invalid_parameter'],
      ['a date-time without offset', '?starts_at=2021-01-01T10:00:00', 'invalid_parameter'],
      ['a date without time', '?ends_at=2021-01-01', 'invalid_parameter'],
      ['an offset beyond 23:59', '?starts_at=2021-01-01T10:00:00%2B24:00', 'invalid_parameter'],
      ['an empty value', '?starts_at=', 'invalid_parameter'],
      ['a parameter without value', '?ends_at', 'invalid_parameter'],
      [
        'a repeated parameter',
        '?starts_at=2021-01-01T00:00:00Z&starts_at=2021-02-01T00:00:00Z',
        'invalid_parameter',
      ],
      [
        'a parameter repeated with the same value',
        '?ends_at=2021-01-01T00:00:00Z&ends_at=2021-01-01T00:00:00Z',
        'invalid_parameter',
      ],
      ['a very long value', `?starts_at=${longValue}`, 'invalid_parameter'],
      [
        'starts_at after ends_at',
        '?starts_at=2021-07-01T00:00:00Z&ends_at=2021-06-01T00:00:00Z',
        'invalid_range',
      ],
    ])('%s', async (_case, query, code) => {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(t.eventSearch.searches).toHaveLength(0);
    });

    it('names the parameter at fault in the message', async () => {
      const res = await search('?ends_at=2021-02-30T00:00:00Z');
      expect(res.body.error.message).toMatch(/^ends_at: /);
    });
  });

  it('answers 414 in the error shape when the query string is over the length limit', async () => {
    const res = await search(`?starts_at=2021-01-01T00:00:00Z&padding=${'x'.repeat(3000)}`);
    expect(res.status).toBe(414);
    expect(res.body.error.code).toBe('uri_too_long');
  });

  it('answers 503 unavailable in the error shape when Elasticsearch is unreachable and nothing is cached', async () => {
    t.eventSearch.failure = new Error('connect ECONNREFUSED 10.0.0.7:9200');
    const res = await search('');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
  });
});
