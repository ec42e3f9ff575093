import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';
import { waitFor } from '../../support/wait-for';

describe('manual sync triggers', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('two triggers at once share one run instead of overlapping', async () => {
    harness.simulator.control('fever', { generate: { events: 2000, zones: 20, seed: 3 } });
    const [first, second] = await Promise.all([
      harness.control.syncNow('fever', { wait: true }),
      new Promise((resolve) => setTimeout(resolve, 150)).then(() =>
        harness.control.syncNow('fever', { wait: true }),
      ),
    ]);
    const runs = await harness.control.recentRuns('fever', 10);
    expect(second.runId).toBe(first.runId);
    expect(first).toMatchObject({ outcome: 'succeeded', counts: { new: 2000 } });
    expect(runs.map((r) => r.runId)).toEqual([first.runId]);
  });

  it('a trigger while a run is in progress joins that run', async () => {
    harness.simulator.control('fever', { generate: { events: 2000, zones: 20, seed: 4 } });
    const requestsBefore = harness.simulator.status('fever').requests;
    const first = harness.control.syncNow('fever', { wait: true });
    await waitFor(
      'the first run to ask the provider for its feed',
      () => harness.simulator.status('fever').requests > requestsBefore,
    );
    const second = await harness.control.syncNow('fever', { wait: true });
    expect(second.runId).toBe((await first).runId);
    expect(second).toMatchObject({ outcome: 'succeeded' });
  });

  it('a manual trigger while the schedule is paused still runs, and the schedule stays paused', async () => {
    harness.simulator.control('fever', { sample: 1 });
    await harness.control.pause('fever', 'provider maintenance');
    const run = await harness.control.syncNow('fever', { wait: true });
    const [status] = await harness.control.listProviders();
    await harness.control.resume('fever', 'maintenance over');
    expect(run.outcome).toBe('succeeded');
    expect(status).toMatchObject({ providerId: 'fever', paused: true, note: 'provider maintenance' });
  });
});
