import type { Config } from '../../../../src/config';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { migrateEvents, type MigrationResult } from '../../../../src/search/migration/migrate-events';
import type { MigrationProgress } from '../../../../src/search/migration/migration-progress';
import { ProviderStateStore } from '../../../../src/search/provider-state-store';
import type { FeedSpecInput } from '../../../../src/simulator/generator/feed-spec';
import { startServer, type RunningServer } from '../../../../src/server';
import { freePort } from '../../../../scripts/stack/free-port';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';
import { waitFor } from '../../../support/wait-for';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { NEXT_EVENTS_MAPPING, nextEventsIndex } from './support/next-events-mapping';
import { expectedEvents, type ReplayedRun } from './support/expected-events';
import { indexDocuments } from './support/index-documents';
import { startSearchLoad } from './support/search-load';

/** A week of the generated feeds' two years: a few dozen events, so each uncached search stays small. */
const WINDOW = 'starts_at=2021-03-01T00:00:00Z&ends_at=2021-03-08T00:00:00Z';
const BASE: FeedSpecInput = { events: 3000, zones: 3, seed: 5 };

/** The feed of the n-th sync during the migration: some events added or dropped, a quarter changed. */
function feedOfSync(n: number): FeedSpecInput {
  return { ...BASE, events: 3000 + (n % 2 === 0 ? 150 : -150), changedPercent: 25, variant: n };
}

/** A sync's feed moment in time: when it started and ended, for telling which migration step it overlapped. */
interface TimedRun extends ReplayedRun {
  startedAt: number;
  endedAt: number;
}

describe('migrating the events index to a next mapping that adds a field, under search load with a sync writing', () => {
  let harness: SyncHarness;
  let api: RunningServer;
  let config: Config;

  beforeAll(async () => {
    harness = await startSyncHarness({
      // Uncached, so every search reaches Elasticsearch through the alias while it moves.
      env: { API_PORT: String(await freePort()), SEARCH_CACHE_ENABLED: 'false', INDEX_BATCH_SIZE: '200' },
    });
    config = harness.config;
    api = await startServer(config);
  });

  afterAll(async () => {
    await api.close();
    await deleteMigrationIndices(harness.elasticsearch, harness.indices);
    await harness.stop();
  });

  async function sync(spec: FeedSpecInput): Promise<TimedRun> {
    harness.simulator.control('fever', { generate: spec });
    const startedAt = Date.now();
    const summary = await harness.control.syncNow('fever', { wait: true });
    expect(summary).toMatchObject({ outcome: 'succeeded', error: null });
    const state = await new ProviderStateStore(harness.elasticsearch, harness.indices).read('fever');
    return { spec, fetchedAt: state.lastFetchedAt!, startedAt, endedAt: Date.now() };
  }

  it('answers every search, loses or regresses no event, and ends with the alias on the new index and the old one kept', async () => {
    const { elasticsearch: es, indices } = harness;
    const runs: TimedRun[] = [await sync(BASE)];
    const steps: { at: number; step: MigrationProgress }[] = [];
    const load = startSearchLoad(`${api.url}/search?${WINDOW}`, 3);
    await waitFor('the first searches to be answered', () => load.requests >= 10);
    let result: MigrationResult | undefined;
    const migration = migrateEvents(es, indices, NEXT_EVENTS_MAPPING, {
      batchSize: 200,
      // About 40 s of copying: room for a whole sync inside it on a machine busy with other runs.
      docsPerSecond: 80,
      onProgress: (step) => steps.push({ at: Date.now(), step }),
    }).then((done) => (result = done));
    await waitFor('the copy to begin', () => steps.some(({ step }) => step.step === 'copying'));
    for (let n = 1; result === undefined; n++) runs.push(await sync(feedOfSync(n)));
    await migration;
    const searched = await load.stop();

    expect(searched.failures).toEqual([]);
    expect(searched.empty).toBe(0);
    expect(searched.requests).toBeGreaterThan(100);
    expect(result).toMatchObject({ outcome: 'migrated', index: nextEventsIndex(indices) });
    expect(await currentEventsIndex(es, indices)).toBe(nextEventsIndex(indices));
    expect(await es.indices.exists({ index: indices.eventsVersioned })).toBe(true);
    const sealedAt = steps.find(({ step }) => step.step === 'sealed')!.at;
    const copyingFrom = steps.find(({ step }) => step.step === 'copying')!.at;
    const duringCopy = runs.filter((run) => run.startedAt >= copyingFrom && run.endedAt <= sealedAt);
    expect(duringCopy.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeGreaterThanOrEqual(3);

    const stored = await indexDocuments(es, indices.events);
    const expected = await expectedEvents(runs);
    const wrong = [...expected].filter(([id, event]) => {
      const found = stored.get(id);
      return (
        !found ||
        found.version !== event.version ||
        found.contentHash !== event.contentHash ||
        found.listed !== event.listed
      );
    });
    expect(wrong).toEqual([]);
    expect(stored.size).toBe(expected.size);
  });
});
