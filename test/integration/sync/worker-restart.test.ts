import type { RunSummary } from '../../../src/schedules/sync-control';
import { progressQuery } from '../../../src/workflows/sync-provider-workflow';
import { runResult } from '../../support/run-result';
import { startSync, waitForPhase } from '../../support/running-sync';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';
import { countEvents } from './support/index-snapshot';
import { indexingTotal } from './support/indexing-total';

const EVENTS = 3000;

describe('syncProviderWorkflow when its worker stops in the middle of indexing', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('completes once a worker is back, with every event indexed exactly once', async () => {
    harness.simulator.control('fever', { generate: { events: EVENTS, zones: 50, seed: 3 } });
    const handle = await startSync(harness);
    await waitForPhase(handle, 'indexing');

    await harness.worker.shutdown();
    await harness.restartWorker();
    const summary = await runResult<RunSummary>(handle);

    expect(summary).toMatchObject({ outcome: 'succeeded', counts: { seen: EVENTS, rejected: 0 } });
    const { new: created, changed, unchanged } = summary.counts;
    expect(created + changed + unchanged).toBe(EVENTS);
    expect(await countEvents(harness)).toBe(EVENTS);
    expect(await indexingTotal(harness.elasticsearch, harness.indices.eventsVersioned)).toBe(EVENTS);
    expect(await handle.query(progressQuery)).toMatchObject({ phase: 'done', eventsParsed: EVENTS });
  });
});
