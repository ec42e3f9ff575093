import { Registry } from 'prom-client';
import { runSummary } from './fakes/fake-sync-control';
import { createTestApp, generationSettled } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

describe('ops endpoints', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp({ readyTimeoutMs: 100 });
  });
  afterEach(() => t.close());

  it('GET /health answers 200 {"status":"ok"} without asking any dependency', async () => {
    t.eventSearch.failure = new Error('down');
    t.syncControl.failure = new Error('down');
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  describe('GET /ready', () => {
    it('answers 200 when Elasticsearch and Temporal both answer', async () => {
      const res = await t.http.get('/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        checks: {
          elasticsearch: { status: 'ok', duration_ms: expect.any(Number) },
          temporal: { status: 'ok', duration_ms: expect.any(Number) },
        },
      });
    });

    it('answers 503 naming the dependency that failed, without its internal message', async () => {
      t.syncControl.failure = new Error('14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:7233');
      const res = await t.http.get('/ready');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.checks.elasticsearch.status).toBe('ok');
      expect(res.body.checks.temporal).toEqual({
        status: 'error',
        duration_ms: expect.any(Number),
        error: 'unreachable',
      });
      expect(res.text).not.toContain('7233');
    });

    it('answers 503 with error "timeout" when a dependency hangs past the timeout', async () => {
      t.eventSearch.pingDelayMs = 1000;
      const started = Date.now();
      const res = await t.http.get('/ready');
      expect(res.status).toBe(503);
      expect(res.body.checks.elasticsearch.error).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(900);
    });
  });

  describe('GET /metrics', () => {
    it('exposes the request histogram by route template and status, and cache counters', async () => {
      await generationSettled(t);
      await t.http.get('/search');
      await t.http.get('/search');
      await t.http.get('/events/not-a-uuid');
      const res = await t.http.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/search",status="200"\} 2/,
      );
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/events\/:id",status="400"\} 1/,
      );
      expect(res.text).toMatch(/^search_cache_hits_total 1$/m);
      expect(res.text).toMatch(/^search_cache_misses_total 1$/m);
      expect(res.text).toMatch(/^search_cache_entries 1$/m);
    });

    it('reports the last sync outcome and its age per provider, read at scrape time', async () => {
      const finishedAt = new Date(Date.now() - 120_000).toISOString();
      t.syncControl.providers[0]!.lastRun = runSummary('fever', { outcome: 'failed', finishedAt });
      const res = await t.http.get('/metrics');
      expect(res.text).toMatch(/^provider_last_sync_outcome\{provider="fever",outcome="failed"\} 1$/m);
      expect(res.text).toMatch(/^provider_last_sync_outcome\{provider="fever",outcome="succeeded"\} 0$/m);
      const age = Number(
        /^provider_last_sync_age_seconds\{provider="fever"\} ([\d.]+)$/m.exec(res.text)?.[1],
      );
      expect(age).toBeGreaterThanOrEqual(120);
      expect(age).toBeLessThan(130);
      expect(res.text).toMatch(/^sync_control_up 1$/m);
    });

    it('still answers when provider status cannot be read, with sync_control_up 0', async () => {
      t.syncControl.failure = new Error('down');
      const res = await t.http.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^sync_control_up 0$/m);
      expect(res.text).not.toMatch(/^provider_last_sync_outcome\{/m);
    });

    it('is compressed when the client accepts it', async () => {
      const res = await t.http.get('/metrics').set('Accept-Encoding', 'gzip');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.text).toContain('http_request_duration_seconds');
    });

    it('uses the registry it is given', () => {
      t.close();
      const registry = new Registry();
      t = createTestApp({ registry });
      expect(registry.getSingleMetric('http_request_duration_seconds')).toBeDefined();
    });
  });
});
