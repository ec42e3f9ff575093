import { createContractValidator } from '../../support/contract';
import fixtureEvents from './fixtures/events.json';
import { historyEntry } from './fakes/fake-event-history';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/events/{id}/history', { served: true });
const EVENT_ID = fixtureEvents[0]?.id ?? '';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface HistoryBody {
  data: { history: { run_id: string }[]; next_cursor: string | null } | null;
  error: { code: string; message: string } | null;
}

describe('GET /events/:id/history', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
    t.eventHistory.entries.set(
      EVENT_ID,
      [0, 1, 2, 3, 4].map((n) => historyEntry(n)),
    );
  });
  afterEach(() => t.close());

  async function get(query: string, id = EVENT_ID): Promise<{ status: number; body: HistoryBody }> {
    const res = await t.http.get(`/events/${id}/history${query}`);
    contract.assert(res.status, res.body);
    return { status: res.status, body: res.body as HistoryBody };
  }

  it('answers the newest entries first, in the contract envelope, with a cursor to the next page', async () => {
    const { status, body } = await get('?limit=2');
    expect(status).toBe(200);
    expect(body.error).toBeNull();
    expect(body.data?.history).toEqual([historyEntry(4), historyEntry(3)]);
    expect(body.data?.next_cursor).toEqual(expect.any(String));
  });

  it('walks every page with next_cursor, each entry once, and ends with a null cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const { body } = await get(query);
      seen.push(...(body.data?.history ?? []).map((e) => e.run_id));
      cursor = body.data?.next_cursor ?? null;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['run-4', 'run-3', 'run-2', 'run-1', 'run-0']);
    expect(pages).toBe(3);
  });

  it('pages 20 entries by default and finds the event whatever the case of its id', async () => {
    await get('', EVENT_ID.toUpperCase());
    expect(t.eventHistory.pages.at(-1)).toEqual({ eventId: EVENT_ID, limit: 21, after: undefined });
  });

  it('answers an event that no run has changed yet with an empty history', async () => {
    t.eventHistory.entries.set(EVENT_ID, []);
    const { status, body } = await get('');
    expect([status, body.data]).toEqual([200, { history: [], next_cursor: null }]);
  });

  test.each([
    ['a limit of 0', '?limit=0', 'limit'],
    ['a limit above 100', '?limit=101', 'limit'],
    ['a limit that is not a number', '?limit=ten', 'limit'],
    ['a fractional limit', '?limit=1.5', 'limit'],
    ['a repeated limit', '?limit=1&limit=2', 'limit'],
    ['a cursor that is not base64url JSON', '?cursor=%25%25%25', 'cursor'],
    ['a cursor of the wrong shape', `?cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'cursor'],
    ['a cursor longer than any this API returns', `?cursor=${'A'.repeat(1100)}`, 'cursor'],
  ])('answers %s with 400 invalid_parameter naming the parameter', async (_case, query, name) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_parameter');
    expect(body.error?.message).toMatch(new RegExp(`^${name}`));
  });

  it('answers 400 when the id is not a UUID', async () => {
    const { status, body } = await get('', '291');
    expect([status, body.error?.code]).toEqual([400, 'invalid_parameter']);
  });

  it('answers 404 not_found for an id no ever-online event has', async () => {
    const { status, body } = await get('', UNKNOWN_ID);
    expect([status, body.error?.code, body.data]).toEqual([404, 'not_found', null]);
  });

  it('answers 503 without internal detail when Elasticsearch is unreachable', async () => {
    t.eventHistory.failure = new Error('connect ECONNREFUSED 10.1.2.3:9200');
    const res = await t.http.get(`/events/${EVENT_ID}/history`);
    expect([res.status, res.body.error.code]).toEqual([503, 'unavailable']);
    expect(res.text).not.toContain('10.1.2.3');
  });
});
