import type { RequestListener } from 'node:http';
import request from 'supertest';
import { createTestApp, generationSettled } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const WINDOW = '/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z';

/** A test app, and the ETag a case asks for with If-None-Match. */
type ComparedApp = TestApp & { etag?: string };

/** One way a valid GET /search can be answered: how to bring an app there, and the request then compared. */
interface Case {
  cache: boolean;
  prepare?: (
    t: ComparedApp,
    send: (headers?: Record<string, string>) => Promise<request.Response>,
  ) => Promise<void>;
  headers?: Record<string, string>;
}

const CASES: [string, Case][] = [
  ['a miss', { cache: true }],
  ['a gzip miss', { cache: true, headers: { 'Accept-Encoding': 'gzip' } }],
  ['a bypass (cache disabled)', { cache: false }],
  [
    'a bypass naming its ETag (304)',
    {
      cache: false,
      prepare: async (t, send) => {
        const first = await send();
        t.etag = first.headers.etag;
      },
    },
  ],
  [
    'a stale answer while Elasticsearch fails',
    {
      cache: true,
      prepare: async (t, send) => {
        await send();
        t.eventSearch.bumpGeneration();
        await generationSettled(t);
        t.eventSearch.failure = new Error('connect ECONNREFUSED');
      },
    },
  ],
  [
    'a 503 while Elasticsearch fails and nothing is cached',
    {
      cache: true,
      prepare: async (t) => {
        t.eventSearch.failure = new Error('connect ECONNREFUSED');
        await Promise.resolve();
      },
    },
  ],
];

/** Status, headers (but Date), bytes and the log lines of one answer, to compare listener and Koa route. */
async function answerVia(listener: (t: TestApp) => RequestListener, c: Case) {
  const t: ComparedApp = createTestApp({ cache: { enabled: c.cache, maxBytes: 8 * 1024 * 1024 } });
  try {
    await generationSettled(t);
    const send = (headers: Record<string, string> = {}) =>
      request(listener(t))
        .get(WINDOW)
        .set({ 'X-Request-Id': 'compared-1', ...c.headers, ...headers })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    await c.prepare?.(t, send);
    t.logs.length = 0;
    const res = await send(t.etag ? { 'If-None-Match': t.etag } : {});
    const { date: _date, ...headers } = res.headers as Record<string, string>;
    const logs = t.logs.map(({ time: _time, duration_ms: _duration, err: _err, ...line }) => line);
    return { status: res.status, headers, body: (res.body as Buffer).toString('base64'), logs };
  } finally {
    t.close();
  }
}

describe('valid GET /search answered ahead of Koa', () => {
  it.each(CASES)('answers %s exactly as the Koa route does', async (_name, c) => {
    const early = await answerVia((t) => t.callback, c);
    const koa = await answerVia((t) => t.routedCallback, c);

    expect(early).toEqual(koa);
    expect(early.logs.some((line) => line.msg === 'request' && line.req_id === 'compared-1')).toBe(true);
  });

  it('leaves HEAD, invalid queries and other routes to Koa', async () => {
    const t = createTestApp();
    try {
      const head = await request(t.callback).head(WINDOW);
      const invalid = await request(t.callback).get('/search?starts_at=yesterday');
      expect([head.status, head.headers['x-cache']]).toEqual([200, 'MISS']);
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.code).toBe('invalid_parameter');
      expect(t.eventSearch.searches).toHaveLength(1);
    } finally {
      t.close();
    }
  });
});
