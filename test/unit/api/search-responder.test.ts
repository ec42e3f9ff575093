import pino from 'pino';
import { Registry } from 'prom-client';
import { createApiMetrics } from '../../../src/api/metrics/api-metrics';
import { GenerationPoller } from '../../../src/api/search/generation-poller';
import { parseSearchQuery } from '../../../src/api/search/search-query';
import { createSearchCache, SearchResponder } from '../../../src/api/search/search-responder';
import { FakeEventSearch } from './fakes/fake-event-search';

describe('SearchResponder', () => {
  function setup() {
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
    );
    return { eventSearch, generation, responder, metrics };
  }
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
