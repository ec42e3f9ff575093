import pino from 'pino';
import { Registry } from 'prom-client';
import { AdmissionGate } from '../../../src/api/http/admission-gate';
import { createApiMetrics } from '../../../src/api/metrics/api-metrics';
import { GenerationPoller } from '../../../src/api/search/generation-poller';
import { parseSearchQuery } from '../../../src/api/search/search-query';
import { createSearchCache, SearchResponder } from '../../../src/api/search/search-responder';
import { FakeEventSearch } from './fakes/fake-event-search';

/** A responder over a fake search at generation 1; `queries` replaces its gate to Elasticsearch. */
function setup(queries?: AdmissionGate) {
  const eventSearch = new FakeEventSearch();
  const logger = pino({ level: 'silent' });
  const generation = new GenerationPoller(() => eventSearch.currentGeneration(), logger);
  generation.epoch = 1;
  const metrics = createApiMetrics(new Registry(), () => ({ bytes: 0, entries: 0 }));
  const responder = new SearchResponder(
    eventSearch,
    generation,
    createSearchCache(1 << 20),
    metrics,
    logger,
    queries,
  );
  return { eventSearch, generation, responder, metrics };
}

describe('SearchResponder', () => {
  const query = parseSearchQuery('');

  it('does not let a slow query of an older generation replace the newer generation it raced with', async () => {
    const { eventSearch, generation, responder } = setup();
    let release!: () => void;
    eventSearch.gate = new Promise((resolve) => (release = resolve));
    const slow = responder.answer(query, 'identity');
    await new Promise((resolve) => setImmediate(resolve));

    generation.epoch = 2;
    eventSearch.gate = null;
    const fresh = await responder.answer(query, 'identity');
    eventSearch.events = [];
    release();
    await slow;

    const next = await responder.answer(query, 'identity');
    expect(next.cache).toBe('HIT');
    expect(next.body.identity.bytes.equals(fresh.body.identity.bytes)).toBe(true);
  });

  it('never answers HIT before any generation has been read', async () => {
    const { generation, responder } = setup();
    generation.epoch = 0;
    await responder.answer(query, 'identity');
    expect((await responder.answer(query, 'identity')).cache).toBe('MISS');
  });

  it('counts hits, misses and stale answers', async () => {
    const { eventSearch, generation, responder, metrics } = setup();
    await responder.answer(query, 'identity');
    await responder.answer(query, 'identity');
    generation.epoch = 2;
    eventSearch.failure = new Error('down');
    await responder.answer(query, 'identity');
    const value = async (c: { get(): Promise<{ values: { value: number }[] }> }) =>
      (await c.get()).values[0]?.value;
    expect(await value(metrics.cacheHits)).toBe(1);
    expect(await value(metrics.cacheMisses)).toBe(2);
    expect(await value(metrics.cacheStale)).toBe(1);
  });
});

describe('SearchResponder when misses come faster than Elasticsearch answers', () => {
  it('answers at once with 503 (or the stale body) what exceeds the queries in flight and their queue', async () => {
    const { eventSearch, generation, responder } = setup(
      new AdmissionGate(1, { maxWaiting: 1, maxWaitMs: 60_000 }),
    );
    const windows = ['2021', '2022', '2023', '2024'].map((year) =>
      parseSearchQuery(`starts_at=${year}-01-01T00:00:00Z`),
    );
    await responder.answer(windows[3]!, 'identity');
    generation.epoch = 2;
    let release!: () => void;
    eventSearch.gate = new Promise((resolve) => (release = resolve));

    const running = responder.answer(windows[0]!, 'identity');
    const waiting = responder.answer(windows[1]!, 'identity');
    const turnedAway = responder.answer(windows[2]!, 'identity');
    const stale = responder.answer(windows[3]!, 'identity');

    await expect(turnedAway).rejects.toMatchObject({ status: 503 });
    expect((await stale).cache).toBe('STALE');
    release();
    expect([(await running).cache, (await waiting).cache]).toEqual(['MISS', 'MISS']);
    expect(eventSearch.searches).toHaveLength(3);
  });
});
