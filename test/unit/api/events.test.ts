import fixtureEvents from './fixtures/events.json';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

describe('GET /events/:id', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('returns the event with its zones in the contract envelope', async () => {
    const event = fixtureEvents[2];
    const res = await t.http.get(`/events/${event?.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { event }, error: null });
  });

  it('finds the event whatever the case of the UUID', async () => {
    const res = await t.http.get(`/events/${fixtureEvents[0]?.id.toUpperCase()}`);
    expect(res.status).toBe(200);
  });

  it('answers 400 invalid_parameter when the id is not a UUID', async () => {
    const res = await t.http.get('/events/291');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'invalid_parameter', message: 'id: must be a UUID' },
      data: null,
    });
  });

  it('answers 404 not_found in the error shape when no event has the id', async () => {
    const res = await t.http.get('/events/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.data).toBeNull();
  });

  it('answers 503 without internal detail when Elasticsearch is unreachable', async () => {
    t.eventSearch.failure = new Error('connect ECONNREFUSED 10.1.2.3:9200');
    const res = await t.http.get(`/events/${fixtureEvents[0]?.id}`);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.text).not.toContain('10.1.2.3');
  });
});
