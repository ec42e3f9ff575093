import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

describe('HTTP hygiene', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await t.http.get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no route for GET /nope' }, data: null });
  });

  it('answers unknown admin routes with 404 too, authenticated or not', async () => {
    const res = await t.http.get('/admin/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers a wrong method on a known route with 405, its Allow header and the error shape', async () => {
    const res = await t.http.post('/search');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('HEAD, GET');
    expect(res.body.error.code).toBe('method_not_allowed');
  });

  it('answers HEAD on /search without a body', async () => {
    const res = await t.http.head('/search');
    expect(res.status).toBe(200);
    expect(res.text).toBeUndefined();
  });

  describe('X-Request-Id', () => {
    it('generates one for every response, errors included', async () => {
      const ok = await t.http.get('/health');
      const missing = await t.http.get('/nope');
      expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(ok.headers['x-request-id']).not.toBe(missing.headers['x-request-id']);
    });

    it('echoes a sane incoming id', async () => {
      const res = await t.http.get('/health').set('X-Request-Id', 'lb-7f3a.42:1');
      expect(res.headers['x-request-id']).toBe('lb-7f3a.42:1');
    });

    test.each([
      ['too long', 'x'.repeat(129)],
      ['with spaces', 'a b'],
      ['with quotes', '"x"'],
    ])('replaces an incoming id %s', async (_case, id) => {
      const res = await t.http.get('/health').set('X-Request-Id', id);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('sets the security headers on successes and errors', async () => {
    for (const res of [
      await t.http.get('/search'),
      await t.http.get('/nope'),
      await t.http.get('/search?starts_at=x'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).not.toMatch(/https?:/);
    }
  });

  it('answers a bug with 500 internal_error carrying no message or stack, and logs the cause with the request id', async () => {
    // Thrown synchronously, outside the promise the route maps to 503: a programming error, not an outage.
    jest.spyOn(t.eventSearch, 'getEvent').mockImplementation(() => {
      throw new TypeError('secret internal detail');
    });
    const res = await t.http
      .get('/events/00000000-0000-4000-8000-000000000000')
      .set('X-Request-Id', 'req-500');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: 'internal error' }, data: null });
    expect(res.text).not.toMatch(/secret|TypeError|at /);
    const logged = t.logs.find((l) => l.req_id === 'req-500' && l.msg === 'request failed');
    expect(logged).toMatchObject({
      level: 50,
      err: { type: 'TypeError', message: 'secret internal detail' },
    });
  });

  it('writes one structured access log line per request, with method, route, status, duration and request id', async () => {
    await t.http.get('/events/not-a-uuid').set('X-Request-Id', 'access-1');
    const line = t.logs.find((l) => l.msg === 'request' && l.req_id === 'access-1');
    expect(line).toMatchObject({
      level: 30,
      method: 'GET',
      route: '/events/:id',
      path: '/events/not-a-uuid',
      status: 400,
    });
    expect(line?.duration_ms).toEqual(expect.any(Number));
  });
});
