import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManagedProcess } from '../../scripts/stack/managed-process';
import type { RunSummary } from '../../src/schedules/sync-control';
import { runResult } from '../support/run-result';
import { startSync } from '../support/running-sync';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { waitFor } from '../support/wait-for';
import { startWorkerProcess } from '../support/worker-process';

/** What a shell that ran `make run` against a real provider exports; nothing answers on port 9. */
const CALLER_ENV = { FEVER_PROVIDER_URL: 'http://127.0.0.1:9/feeds/fever' };

describe('a worker process a test starts', () => {
  let harness: SyncHarness;
  let worker: ManagedProcess | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, CALLER_ENV);
    harness = await startSyncHarness({ inProcessWorker: false });
  });

  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await harness.stop();
  });

  it('runs on its test configuration alone: a FEVER_PROVIDER_URL in the caller’s environment does not reach it', async () => {
    const logs = mkdtempSync(path.join(os.tmpdir(), 'event-hub-worker-logs-'));
    const started = startWorkerProcess(harness.config, path.join(logs, 'worker.log'));
    worker = started;
    const schedule = harness.temporal.schedule.getHandle(harness.feverIds.scheduleId);
    await waitFor('the worker to create its schedule', () => schedule.describe(), { processes: [started] });
    harness.simulator.control('fever', { sample: 1 });
    const requestsBefore = harness.simulator.status('fever').requests;

    const summary = await runResult<RunSummary>(await startSync(harness), { processes: [started] });

    expect(process.env.FEVER_PROVIDER_URL).toBe(CALLER_ENV.FEVER_PROVIDER_URL);
    expect(summary).toMatchObject({ outcome: 'succeeded', counts: { new: 3 } });
    expect(harness.simulator.status('fever').requests).toBe(requestsBefore + 1);
  });
});
