import http from 'node:http';
import { runSummary } from './fakes/fake-sync-control';
import { ADMIN_TOKEN, createTestApp, listenOnLoopback } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** POSTs `body` in 1 KB chunks with no Content-Length (Transfer-Encoding: chunked); resolves the status. */
async function postChunked(t: TestApp, path: string, body: string): Promise<number> {
  const { server, port } = await listenOnLoopback(t);
  try {
    return await new Promise<number>((resolve, reject) => {
      const req = http.request({
        port,
        host: '127.0.0.1',
        path,
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < body.length; i += 1024) req.write(body.slice(i, i + 1024));
      req.end();
    });
  } finally {
    server.close();
  }
}

describe('admin API', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('GET /admin/providers lists providers and their schedules', async () => {
    const res = await t.http.get('/admin/providers').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { providers: t.syncControl.providers }, error: null });
  });

  describe('POST /admin/providers/:id/sync', () => {
    it('without wait answers 202 with the run summary so far', async () => {
      const res = await t.http.post('/admin/providers/fever/sync').set(AUTH);
      expect(res.status).toBe(202);
      expect(res.body.data.run.outcome).toBe('running');
      expect(t.syncControl.calls).toContainEqual({ method: 'syncNow', args: ['fever', { wait: false }] });
    });

    test.each(['succeeded', 'unchanged', 'superseded'] as const)(
      'with wait=true answers 200 when the run %s',
      async (outcome) => {
        t.syncControl.nextRun = runSummary('fever', { outcome });
        const res = await t.http.post('/admin/providers/fever/sync?wait=true').set(AUTH);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ data: { run: t.syncControl.nextRun }, error: null });
      },
    );

    it("passes a partner's window on, and answers 400 naming the windows when it does not fit", async () => {
      t.syncControl.providers.push({
        ...t.syncControl.providers[0]!,
        providerId: 'partner',
        windows: [{ window: 'today', days: [0, 0], every: '15m', paused: false, nextRunAt: null }],
      });

      const res = await t.http.post('/admin/providers/partner/sync?window=today').set(AUTH);
      expect(res.status).toBe(202);
      expect(t.syncControl.calls).toContainEqual({
        method: 'syncNow',
        args: ['partner', { wait: false, window: 'today' }],
      });

      const unknown = await t.http.post('/admin/providers/partner/sync?window=month').set(AUTH);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatchObject({
        code: 'invalid_parameter',
        message: expect.stringContaining('today'),
      });
      const forFeed = await t.http.post('/admin/providers/fever/sync?window=today').set(AUTH);
      expect(forFeed.status).toBe(400);
      const malformed = await t.http.post('/admin/providers/partner/sync?window=To%20Day').set(AUTH);
      expect(malformed.status).toBe(400);
    });

    it('with wait=true answers 502 with the failed run summary, so ops read why', async () => {
      t.syncControl.nextRun = runSummary('fever', { outcome: 'failed', error: 'feed is not XML (line 1)' });
      const res = await t.http.post('/admin/providers/fever/sync?wait=true').set(AUTH);
      expect(res.status).toBe(502);
      expect(res.body.data.run.error).toBe('feed is not XML (line 1)');
      expect(res.body.error.code).toBe('sync_failed');
    });

    it('answers 404 unknown_provider for a provider that is not configured', async () => {
      const res = await t.http.post('/admin/providers/nope/sync').set(AUTH);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('unknown_provider');
    });

    it('answers 400 to a wait value other than true or false', async () => {
      const res = await t.http.post('/admin/providers/fever/sync?wait=yes').set(AUTH);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_parameter');
    });

    it('answers 503 without internal detail when Temporal is unreachable', async () => {
      t.syncControl.failure = new Error('14 UNAVAILABLE: 127.0.0.1:7233');
      const res = await t.http.post('/admin/providers/fever/sync').set(AUTH);
      expect(res.status).toBe(503);
      expect(res.text).not.toContain('7233');
    });
  });

  describe('POST /admin/providers/:id/pause and /resume', () => {
    it('pauses with the note given', async () => {
      const res = await t.http
        .post('/admin/providers/fever/pause')
        .set(AUTH)
        .send({ note: 'provider maintenance until 14:00' });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        providerId: 'fever',
        paused: true,
        note: 'provider maintenance until 14:00',
      });
      expect(t.syncControl.providers[0]?.paused).toBe(true);
    });

    test.each([
      ['no body', undefined],
      ['an empty object', {}],
      ['a blank note', { note: '   ' }],
      ['a note that is not a string', { note: 42 }],
      ['a note over 500 characters', { note: 'x'.repeat(501) }],
      ['an unknown field', { note: 'ok', notes: 'typo' }],
    ])('refuses to pause with %s (400 invalid_body)', async (_case, body) => {
      const req = t.http.post('/admin/providers/fever/pause').set(AUTH);
      const res = body === undefined ? await req : await req.send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
      expect(t.syncControl.calls).toEqual([]);
    });

    it('answers 400 to a body that is not JSON', async () => {
      const res = await t.http
        .post('/admin/providers/fever/pause')
        .set(AUTH)
        .set('Content-Type', 'application/json')
        .send('{note:');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
    });

    it('answers 415 to a body that is not declared as JSON', async () => {
      const res = await t.http
        .post('/admin/providers/fever/pause')
        .set(AUTH)
        .set('Content-Type', 'text/plain')
        .send('note');
      expect(res.status).toBe(415);
    });

    it('answers 413 to a body over 16 KB, declared or chunked', async () => {
      const big = JSON.stringify({ note: 'x'.repeat(17 * 1024) });
      const declared = await t.http
        .post('/admin/providers/fever/pause')
        .set(AUTH)
        .set('Content-Type', 'application/json')
        .send(big);
      expect(declared.status).toBe(413);
      expect(declared.body.error.code).toBe('payload_too_large');
      expect(await postChunked(t, '/admin/providers/fever/pause', big)).toBe(413);
    });

    it('resumes with or without a note', async () => {
      t.syncControl.providers[0]!.paused = true;
      const res = await t.http.post('/admin/providers/fever/resume').set(AUTH);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ providerId: 'fever', paused: false, note: '' });
      await t.http.post('/admin/providers/fever/resume').set(AUTH).send({ note: 'back' });
      expect(t.syncControl.calls.at(-1)).toEqual({ method: 'resume', args: ['fever', 'back'] });
    });

    it('answers 400 to a malformed provider id', async () => {
      const res = await t.http.post('/admin/providers/..%2Fetc/pause').set(AUTH).send({ note: 'x' });
      expect(res.status).toBe(400);
    });
  });

  describe('GET /admin/runs', () => {
    it('passes provider and limit, defaulting the limit to 20', async () => {
      await t.http.get('/admin/runs').set(AUTH).expect(200);
      await t.http.get('/admin/runs?provider=fever&limit=5').set(AUTH).expect(200);
      expect(t.syncControl.calls).toEqual([
        { method: 'recentRuns', args: [undefined, 20] },
        { method: 'recentRuns', args: ['fever', 5] },
      ]);
    });

    test.each(['limit=0', 'limit=101', 'limit=ten', 'limit=5&limit=6'])(
      'answers 400 to %s',
      async (query) => {
        const res = await t.http.get(`/admin/runs?${query}`).set(AUTH);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid_parameter');
      },
    );

    it('answers 404 for an unknown provider', async () => {
      const res = await t.http.get('/admin/runs?provider=nope').set(AUTH);
      expect(res.status).toBe(404);
    });
  });
});
