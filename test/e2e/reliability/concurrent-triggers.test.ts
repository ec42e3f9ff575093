import type {
  ScheduledSyncOutcome,
  scheduledSyncWorkflow,
} from '../../../src/workflows/scheduled-sync-workflow';
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

  it('two triggers at the same moment share one run instead of overlapping', async () => {
    harness.simulator.control('fever', { generate: { events: 2000, zones: 20, seed: 3 } });
    const [first, second] = await Promise.all([
      harness.control.syncNow('fever', { wait: true }),
      harness.control.syncNow('fever', { wait: true }),
    ]);
    const runs = await harness.control.recentRuns('fever', 10);
    expect(second.runId).toBe(first.runId);
    expect(first).toMatchObject({ outcome: 'succeeded', counts: { new: 2000 } });
    expect(runs.map((r) => r.runId)).toEqual([first.runId]);
  });

  it('a trigger while a run is in progress joins that run', async () => {
    harness.simulator.control('fever', { generate: { events: 2000, zones: 20, seed: 4 } });
    const first = await harness.control.syncNow('fever', { wait: false });
    const second = await harness.control.syncNow('fever', { wait: true });
    expect(second.runId).toBe(first.runId);
    expect(second).toMatchObject({ outcome: 'succeeded' });
  });

  /** Fires the schedule once and returns what its scheduled start did. */
  async function scheduledStart(): Promise<ScheduledSyncOutcome> {
    const schedule = harness.temporal.schedule.getHandle(harness.feverIds.scheduleId);
    const { numActionsTaken } = (await schedule.describe()).info;
    await schedule.trigger();
    const taken = await waitFor('the schedule to take the triggered action', async () => {
      const { info } = await schedule.describe();
      return info.numActionsTaken > numActionsTaken ? info.recentActions.at(-1) : undefined;
    });
    const { workflowId, firstExecutionRunId } = taken.action.workflow;
    const start = harness.temporal.workflow.getHandle<typeof scheduledSyncWorkflow>(
      workflowId,
      firstExecutionRunId,
    );
    return start.result();
  }

  it('a run started by the schedule makes a trigger join it', async () => {
    harness.simulator.control('fever', { generate: { events: 2000, zones: 20, seed: 5 } });
    expect(await scheduledStart()).toMatchObject({ outcome: 'started' });
    const scheduled = await harness.temporal.workflow.getHandle(harness.feverIds.runWorkflowId).describe();
    const triggered = await harness.control.syncNow('fever', { wait: true });
    expect(triggered.runId).toBe(`${scheduled.workflowId}#${scheduled.runId}`);
    expect(triggered).toMatchObject({ outcome: 'succeeded' });
  });

  it('the schedule skips while a triggered run is in progress', async () => {
    // A slow answer keeps the triggered run in fetchFeed while the schedule fires.
    harness.simulator.control('fever', {
      generate: { events: 500, zones: 5, seed: 6 },
      fault: { kind: 'slow', bytesPerSecond: 50_000, times: 1 },
    });
    const triggered = await harness.control.syncNow('fever', { wait: false });
    const outcome = await scheduledStart();
    const ended = await harness.control.syncNow('fever', { wait: true });
    expect(outcome).toMatchObject({ outcome: 'skipped' });
    expect(ended.runId).toBe(triggered.runId);
    expect((await harness.control.recentRuns('fever', 1))[0]?.runId).toBe(triggered.runId);
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

describe('a trigger in a namespace created moments ago', () => {
  it('knows its run at once, without waiting for visibility', async () => {
    // Every harness registers a Temporal namespace of its own, just before it starts.
    const fresh = await startSyncHarness();
    try {
      fresh.simulator.control('fever', { sample: 1 });
      const started = Date.now();
      const run = await fresh.control.syncNow('fever', { wait: false });
      const tookMs = Date.now() - started;
      const description = await fresh.temporal.workflow.getHandle(run.workflowId).describe();
      expect(run).toMatchObject({ outcome: 'running', workflowId: fresh.feverIds.runWorkflowId });
      expect(run.runId).toBe(`${description.workflowId}#${description.runId}`);
      expect(tookMs).toBeLessThan(5000);
      expect(await fresh.control.syncNow('fever', { wait: true })).toMatchObject({ runId: run.runId });
    } finally {
      await fresh.stop();
    }
  });
});
