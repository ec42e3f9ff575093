import { ADMIN_TOKEN, createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin API authentication', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate when no bearer token is sent', async () => {
      const res = await t.http.get('/admin/providers');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="admin"');
      expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) }, data: null });
    });

    test.each([
      ['a wrong token of the same length', `Bearer ${'x'.repeat(ADMIN_TOKEN.length)}`],
      ['a shorter token', 'Bearer short'],
      ['the token with an extra character', `Bearer ${ADMIN_TOKEN}x`],
    ])('answers 403 to %s', async (_case, authorization) => {
      const res = await t.http.get('/admin/providers').set('Authorization', authorization);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });

    it('answers 401 to another authentication scheme', async () => {
      const res = await t.http.get('/admin/providers').set('Authorization', `Basic ${ADMIN_TOKEN}`);
      expect(res.status).toBe(401);
    });

    it('checks the token before anything else, so an unauthenticated caller learns nothing', async () => {
      const res = await t.http.post('/admin/providers/unknown/pause').send({});
      expect(res.status).toBe(401);
      expect(t.syncControl.calls).toEqual([]);
    });
  });

  describe('without ADMIN_TOKEN configured', () => {
    it('answers 404 admin_disabled on every admin route, even with a token, and warns once at start', async () => {
      t.close();
      t = createTestApp({ adminToken: undefined });
      const warnings = t.logs.filter((l) => l.level === 40 && String(l.msg).includes('ADMIN_TOKEN'));
      expect(warnings).toHaveLength(1);
      for (const res of [
        await t.http.get('/admin/providers').set(AUTH),
        await t.http.post('/admin/providers/fever/sync').set(AUTH),
        await t.http.get('/admin/runs'),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('admin_disabled');
      }
      expect(t.syncControl.calls).toEqual([]);
    });
  });
});
