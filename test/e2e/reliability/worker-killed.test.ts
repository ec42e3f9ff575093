import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManagedProcess } from '../../../scripts/stack/managed-process';
import type { RunSummary } from '../../../src/schedules/sync-control';
import { runResult } from '../../support/run-result';
import { startSync, waitForCheckpoint, waitForPhase } from '../../support/running-sync';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';
import { waitFor } from '../../support/wait-for';
import { startWorkerProcess } from '../../support/worker-process';

const EVENTS = 8000;

// Two worker starts, the 20 s heartbeat timeout and 8,000 events indexed take up to 90 s on a machine busy
// with another test run; each wait inside is bounded on its own and says what it waited for.
jest.setTimeout(180_000);

describe('a worker killed with SIGKILL in the middle of indexEvents', () => {
  let harness: SyncHarness;
  let worker: ManagedProcess | undefined;
  const logs = mkdtempSync(path.join(os.tmpdir(), 'event-hub-worker-logs-'));

  beforeAll(async () => {
    harness = await startSyncHarness({ inProcessWorker: false });
  });

  afterAll(async () => {
    await worker?.stop();
    await harness.stop();
  });

  async function startWorker(n: number): Promise<ManagedProcess> {
    const started = startWorkerProcess(harness.config, path.join(logs, `worker-${n}.log`));
    worker = started;
    const schedule = harness.temporal.schedule.getHandle(harness.feverIds.scheduleId);
    await waitFor('the worker to create its schedule', () => schedule.describe(), { processes: [started] });
    return started;
  }

  it('resumes on the restarted worker and indexes every event exactly once', async () => {
    const first = await startWorker(1);
    harness.simulator.control('fever', { generate: { events: EVENTS, zones: 40, seed: 11 } });
    const handle = await startSync(harness);
    await waitForPhase(handle, 'indexing', { processes: [first] });
    await waitForCheckpoint(handle, { processes: [first] });

    process.kill(-first.pid, 'SIGKILL');
    await first.exited;
    const second = await startWorker(2);
    const summary = await runResult<RunSummary>(handle, { processes: [second] });

    await harness.elasticsearch.indices.refresh({ index: harness.indices.events });
    const count = await harness.elasticsearch.count({ index: harness.indices.events });
    const history = await handle.fetchHistory();
    const indexAttempts = (history.events ?? []).filter(
      (e) => e.activityTaskStartedEventAttributes && (e.activityTaskStartedEventAttributes.attempt ?? 1) > 1,
    );
    expect(summary).toMatchObject({
      outcome: 'succeeded',
      counts: { seen: EVENTS, new: EVENTS, changed: 0, rejected: 0 },
    });
    expect(count.count).toBe(EVENTS);
    expect(indexAttempts.length).toBeGreaterThanOrEqual(1);
  });
});
