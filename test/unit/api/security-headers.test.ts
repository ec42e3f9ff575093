import type { Response, Test } from 'supertest';
import fixtureEvents from './fixtures/events.json';
import { ADMIN_TOKEN, createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** supertest has a method for every verb Node knows, PROPFIND included, but types only the common ones. */
function anyMethod(t: TestApp, method: string, path: string): Test {
  return (t.http as unknown as Record<string, (path: string) => Test>)[method.toLowerCase()]!(path);
}

/** One request of each kind the API answers: every status it can produce, from each layer that produces it. */
const REQUESTS: [string, number, (t: TestApp) => Promise<Response>][] = [
  ['a search', 200, (t) => t.http.get('/search')],
  [
    'a search answered 304',
    304,
    async (t) => {
      const first = await t.http.get('/search');
      return t.http.get('/search').set('If-None-Match', String(first.headers.etag));
    },
  ],
  ['a HEAD search', 200, (t) => t.http.head('/search')],
  ['an event', 200, (t) => t.http.get(`/events/${fixtureEvents[0]?.id}`)],
  ['an admin list', 200, (t) => t.http.get('/admin/providers').set(AUTH)],
  ['/health', 200, (t) => t.http.get('/health')],
  ['/openapi.json', 200, (t) => t.http.get('/openapi.json')],
  ['/docs', 200, (t) => t.http.get('/docs')],
  ['/metrics', 200, (t) => t.http.get('/metrics')],
  ['OPTIONS', 200, (t) => t.http.options('/search')],
  ['a malformed bound', 400, (t) => t.http.get('/search?starts_at=2021-02-30T00:00:00Z')],
  [
    'an inverted range',
    400,
    (t) => t.http.get('/search?starts_at=2022-01-01T00:00:00Z&ends_at=2021-01-01T00:00:00Z'),
  ],
  ['no admin token', 401, (t) => t.http.get('/admin/providers')],
  ['a wrong admin token', 403, (t) => t.http.get('/admin/providers').set('Authorization', 'Bearer nope')],
  ['an unknown route', 404, (t) => t.http.get('/nope')],
  ['an unknown event', 404, (t) => t.http.get('/events/00000000-0000-4000-8000-000000000000')],
  ['a wrong method', 405, (t) => t.http.delete('/search')],
  ['a method Koa does not know (PROPFIND)', 405, (t) => anyMethod(t, 'PROPFIND', '/search')],
  [
    'a body too large',
    413,
    (t) =>
      t.http
        .post('/admin/providers/fever/pause')
        .set(AUTH)
        .set('Content-Type', 'application/json')
        .send(`{"note":"${'x'.repeat(20_000)}"}`),
  ],
  ['a URL too long', 414, (t) => t.http.get(`/search?q=${'x'.repeat(3000)}`)],
  [
    'a body that is not JSON',
    415,
    (t) => t.http.post('/admin/providers/fever/pause').set(AUTH).set('Content-Type', 'text/plain').send('x'),
  ],
  [
    'a bug',
    500,
    (t) => {
      jest.spyOn(t.eventSearch, 'getEvent').mockImplementation(() => {
        throw new TypeError('bug');
      });
      return t.http.get(`/events/${fixtureEvents[0]?.id}`);
    },
  ],
  [
    'an outage',
    503,
    (t) => {
      t.eventSearch.failure = new Error('down');
      return t.http.get('/search?ends_at=2030-01-01T00:00:00Z');
    },
  ],
];

describe('headers on every response', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  test.each(REQUESTS)(
    '%s (%i) carries the security headers and a request id',
    async (_case, status, send) => {
      const res = await send(t);
      expect(res.status).toBe(status);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|\*/);
      // Only the docs page may load anything, and only from this origin.
      if (_case !== '/docs') expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
      else expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-request-id']).toMatch(UUID);
    },
  );

  it('names each request differently and logs it under the name it answered with', async () => {
    const ids: unknown[] = [];
    for (const path of ['/search', '/nope', '/search?starts_at=x', '/search']) {
      const res = await t.http.get(path);
      ids.push(res.headers['x-request-id']);
      expect(t.logs.some((l) => l.msg === 'request' && l.req_id === res.headers['x-request-id'])).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes a sane incoming request id on errors, which drop every other header the handler had set', async () => {
    jest.spyOn(t.eventSearch, 'getEvent').mockImplementation(() => {
      throw new TypeError('bug');
    });
    for (const [status, req] of [
      [414, t.http.get(`/search?q=${'x'.repeat(3000)}`)],
      [500, t.http.get(`/events/${fixtureEvents[0]?.id}`)],
      [405, anyMethod(t, 'PROPFIND', '/search')],
      [
        413,
        t.http
          .post('/admin/providers/fever/pause')
          .set(AUTH)
          .set('Content-Length', String(1 << 20)),
      ],
    ] as const) {
      const res = await req.set('X-Request-Id', `lb-${status}.1`);
      expect(res.status).toBe(status);
      expect(res.headers['x-request-id']).toBe(`lb-${status}.1`);
    }
  });
});
