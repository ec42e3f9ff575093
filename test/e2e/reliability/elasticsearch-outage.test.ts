import { freePort } from '../../../scripts/stack/free-port';
import type { RunSummary } from '../../../src/schedules/sync-control';
import { startServer, type RunningServer } from '../../../src/server';
import { startOwnElasticsearch, type OwnElasticsearch } from '../../support/own-elasticsearch';
import { runResult } from '../../support/run-result';
import { startSync, waitForFailedAttempt, waitForPhase } from '../../support/running-sync';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

const EVENTS = 6000;
const CACHED = 'starts_at=2021-02-01T00:00:00Z&ends_at=2021-12-31T00:00:00Z';
/**
 * A node restart takes 30 s or more on a busy machine, and the index step's retries are 2, 4, 8, 16, then
 * 30 s apart: the run may resume only a retry interval after the node is back.
 */
const RESUMED_WITHIN_MS = 150_000;

// Two node starts and that wait; each wait inside is bounded on its own and says what it waited for.
jest.setTimeout(240_000);

describe('Elasticsearch stopped in the middle of a sync', () => {
  let elasticsearch: OwnElasticsearch;
  let harness: SyncHarness;
  let api: RunningServer;

  beforeAll(async () => {
    elasticsearch = await startOwnElasticsearch();
    harness = await startSyncHarness({
      env: { ELASTICSEARCH_URL: elasticsearch.url, API_PORT: String(await freePort()) },
    });
    api = await startServer(harness.config);
  });

  afterAll(async () => {
    await api.close();
    await harness.stop();
    await elasticsearch.remove();
  });

  it('retries the index step until Elasticsearch is back, while search answers from cache or with a 503', async () => {
    harness.simulator.control('fever', { sample: 1 });
    await harness.control.syncNow('fever', { wait: true });
    const warm = await fetch(`${api.url}/search?${CACHED}`);
    const warmBody = await warm.text();
    harness.simulator.control('fever', { generate: { events: EVENTS, zones: 40, seed: 5 } });
    const handle = await startSync(harness);
    await waitForPhase(handle, 'indexing');

    await elasticsearch.stop();
    const cached = await fetch(`${api.url}/search?${CACHED}`);
    const uncached = await fetch(`${api.url}/search?starts_at=2030-01-01T00:00:00Z`);
    const failed = await waitForFailedAttempt(handle);
    await elasticsearch.restart();
    const summary = await runResult<RunSummary>(handle, { timeoutMs: RESUMED_WITHIN_MS });

    expect([warm.status, cached.status, await cached.text()]).toEqual([200, 200, warmBody]);
    expect(uncached.status).toBe(503);
    expect(await uncached.json()).toMatchObject({ data: null, error: { code: 'unavailable' } });
    expect(failed.activityType?.name).toMatch(/^(indexEvents|finishRun)$/);
    expect(summary).toMatchObject({ outcome: 'succeeded', counts: { new: EVENTS, unlisted: 3 } });
    await harness.elasticsearch.indices.refresh({ index: harness.indices.events });
    expect((await harness.elasticsearch.count({ index: harness.indices.events })).count).toBe(EVENTS + 3);
  });
});
