import { temporal } from '@temporalio/proto';
import { splitSyncRunId } from '../../../src/domain/sync-run-id';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

const EVENTS = 1000;
const ZONES = 100;

describe('syncProviderWorkflow history', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('stays under 100 KB for a feed of 1,000 events with 100 zones each: no event data goes through it', async () => {
    harness.simulator.control('fever', { generate: { events: EVENTS, zones: ZONES, seed: 11 } });

    const run = await harness.control.syncNow('fever', { wait: true });
    const workflowRunId = splitSyncRunId(run.runId)!.firstExecutionRunId;
    const history = await harness.temporal.workflow.getHandle(run.workflowId, workflowRunId).fetchHistory();
    const historyBytes = temporal.api.history.v1.History.encode(history).finish().length;

    expect(run).toMatchObject({ outcome: 'succeeded', counts: { seen: EVENTS, new: EVENTS } });
    expect(run.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(historyBytes).toBeLessThan(100 * 1024);
  });
});
