import { createContractValidator } from '../../support/contract';
import { generatedEvents } from './fakes/fake-event-search';
import { createTestApp, generationSettled } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/search');
const WINDOW = '?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z';

describe('GET /search response cache', () => {
  let t: TestApp;
  afterEach(() => t.close());

  async function search(query = WINDOW, headers: Record<string, string> = {}) {
    const res = await t.http.get(`/search${query}`).set(headers);
    if (res.status !== 304) contract.assert(res.status, res.body);
    return res;
  }

  describe('with the cache enabled', () => {
    beforeEach(async () => {
      t = createTestApp();
      await generationSettled(t);
    });

    it('answers the first request with a MISS and the same query next with a HIT, same bytes and ETag', async () => {
      const first = await search();
      const second = await search();
      expect(first.headers['x-cache']).toBe('MISS');
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.text).toBe(first.text);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(t.eventSearch.searches).toHaveLength(1);
    });

    it('shares one entry between windows that denote the same instants in different offsets', async () => {
      await search('?starts_at=2021-06-30T21:00:00Z');
      const res = await search('?starts_at=2021-06-30T23:00:00%2B02:00');
      expect(res.headers['x-cache']).toBe('HIT');
    });

    it('answers 304 without a body to If-None-Match naming the current ETag, strong or weak', async () => {
      const { headers } = await search();
      const strong = await search(WINDOW, { 'If-None-Match': headers.etag as string });
      const weak = await search(WINDOW, { 'If-None-Match': `"other", W/${headers.etag as string}` });
      for (const res of [strong, weak]) {
        expect(res.status).toBe(304);
        expect(res.text).toBe('');
        expect(res.headers.etag).toBe(headers.etag);
      }
    });

    it('answers 200 to If-None-Match naming another ETag', async () => {
      const res = await search(WINDOW, { 'If-None-Match': '"stale-tag"' });
      expect(res.status).toBe(200);
    });

    it('queries Elasticsearch again once a sync publishes a new data generation, and serves the new data', async () => {
      await search();
      t.eventSearch.events = t.eventSearch.events.slice(1);
      t.eventSearch.bumpGeneration();
      await generationSettled(t);
      const res = await search();
      expect(res.headers['x-cache']).toBe('MISS');
      expect(res.body.data.events).toHaveLength(3);
      expect(t.eventSearch.searches).toHaveLength(2);
    });

    it('shares one Elasticsearch query between concurrent identical misses', async () => {
      let release!: () => void;
      t.eventSearch.gate = new Promise((resolve) => (release = resolve));
      const pending = Array.from({ length: 10 }, () => search());
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const responses = await Promise.all(pending);
      expect(t.eventSearch.searches).toHaveLength(1);
      expect(new Set(responses.map((r) => r.text)).size).toBe(1);
      // Requests that reach the app after the shared query returned are cache hits; none queries again.
      expect(responses.every((r) => ['MISS', 'HIT'].includes(r.headers['x-cache'] as string))).toBe(true);
      expect(responses.some((r) => r.headers['x-cache'] === 'MISS')).toBe(true);
    });

    it('when Elasticsearch fails after a new generation, answers the last cached response marked STALE', async () => {
      const fresh = await search();
      t.eventSearch.bumpGeneration();
      await generationSettled(t);
      t.eventSearch.failure = new Error('connect ECONNREFUSED');
      const res = await search();
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBe('STALE');
      expect(res.headers.warning).toMatch(/^110 - "Response is Stale/);
      expect(res.text).toBe(fresh.text);
    });

    it('when Elasticsearch fails and the window was never cached, answers 503 unavailable', async () => {
      await search();
      t.eventSearch.failure = new Error('connect ECONNREFUSED');
      t.eventSearch.bumpGeneration();
      await generationSettled(t);
      const res = await search('?starts_at=2021-03-01T00:00:00Z');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
    });

    it('answers a hit with the headers and bytes of the miss that filled the cache, only X-Cache differing', async () => {
      const varying = new Set(['x-cache', 'x-request-id', 'date']);
      const comparable = (headers: Record<string, string>) =>
        Object.fromEntries(Object.entries(headers).filter(([name]) => !varying.has(name)));
      for (const accept of ['identity', 'gzip', 'br']) {
        t.eventSearch.events = generatedEvents(40);
        t.eventSearch.bumpGeneration();
        await generationSettled(t);
        const miss = await t.http.get('/search').set('Accept-Encoding', accept).buffer(true);
        const hit = await t.http.get('/search').set('Accept-Encoding', accept).buffer(true);
        expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
        expect(comparable(hit.headers as Record<string, string>)).toEqual(
          comparable(miss.headers as Record<string, string>),
        );
        expect(hit.text).toBe(miss.text);
      }
    });

    it('counts a hit like any request, and logs its access line at debug level', async () => {
      await search();
      await t.http.get(`/search${WINDOW}`).set('X-Request-Id', 'hit-1');
      const line = t.logs.find((l) => l.msg === 'request' && l.req_id === 'hit-1');
      expect(line).toMatchObject({ level: 20, method: 'GET', route: '/search', status: 200, cache: 'HIT' });
      const metrics = (await t.http.get('/metrics')).text;
      expect(metrics).toMatch(/^search_cache_hits_total 1$/m);
      expect(metrics).toMatch(
        /^http_request_duration_seconds_count\{method="GET",route="\/search",status="200"\} 2$/m,
      );
    });

    it('sends invalid windows and HEAD requests to the route even when the window is cached', async () => {
      await search();
      const head = await t.http.head(`/search${WINDOW}`);
      expect(head.status).toBe(200);
      expect(head.headers['x-cache']).toBe('HIT');
      const invalid = await t.http.get(`/search${WINDOW}&ends_at=yesterday`);
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.code).toBe('invalid_parameter');
    });

    it('keeps serving HITs while the generation cannot be read', async () => {
      await search();
      t.eventSearch.generationFailure = new Error('timeout');
      await generationSettled(t);
      expect((await search()).headers['x-cache']).toBe('HIT');
    });
  });

  it('reads the data generation in the background, not once per request', async () => {
    t = createTestApp({ generationPollMs: 60_000 });
    const reads = jest.spyOn(t.eventSearch, 'currentGeneration');
    // The one read so far, made as the app was built, is answered at once; the next is 60 s away.
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i += 1) await search();
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('with the cache disabled, sends every request to Elasticsearch and marks it BYPASS', async () => {
    t = createTestApp({ cache: { enabled: false, maxBytes: 1 } });
    const reads = jest.spyOn(t.eventSearch, 'currentGeneration');
    const responses = [await search(), await search()];
    expect(responses.map((r) => r.headers['x-cache'])).toEqual(['BYPASS', 'BYPASS']);
    expect(t.eventSearch.searches).toHaveLength(2);
    expect(reads).not.toHaveBeenCalled();
    t.eventSearch.failure = new Error('down');
    expect((await search()).status).toBe(503);
  });

  it('does not cache a response larger than the whole byte budget, and still answers it', async () => {
    t = createTestApp({ cache: { enabled: true, maxBytes: 512 } });
    await generationSettled(t);
    expect((await search()).headers['x-cache']).toBe('MISS');
    expect((await search()).headers['x-cache']).toBe('MISS');
  });
});

describe('GET /search compression', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = createTestApp();
    t.eventSearch.events = generatedEvents(50);
    await generationSettled(t);
  });
  afterEach(() => t.close());

  test.each([
    ['br', 'gzip, deflate, br', 'br'],
    ['gzip', 'gzip', 'gzip'],
    ['gzip when br is refused', 'br;q=0, gzip', 'gzip'],
  ])('sends a large body as %s when Accept-Encoding allows it', async (_case, accept, encoding) => {
    const plain = await t.http.get('/search').set('Accept-Encoding', 'identity');
    const res = await t.http.get('/search').set('Accept-Encoding', accept);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 3);
    expect(res.body).toEqual(plain.body);
    expect(res.headers.etag).not.toBe(plain.headers.etag);
  });

  it('sends the body uncompressed without Accept-Encoding', async () => {
    const res = await t.http.get('/search').set('Accept-Encoding', '');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.data.events).toHaveLength(50);
  });

  it('sends small bodies uncompressed even when compression is accepted', async () => {
    const res = await t.http.get('/search?starts_at=2040-01-01T00:00:00Z').set('Accept-Encoding', 'gzip, br');
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('serves every coding of a cached response from the one entry prepared on the miss', async () => {
    const first = await t.http.get('/search').set('Accept-Encoding', 'br');
    const second = await t.http.get('/search').set('Accept-Encoding', 'gzip');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers['content-encoding']).toBe('gzip');
  });
});
