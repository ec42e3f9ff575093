import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManagedProcess } from '../../../scripts/stack/managed-process';
import {
  maxInAnyWindow,
  startPartnerHarness,
  TEST_LIMIT,
  type PartnerHarness,
} from '../../integration/sync/support/partner-harness';
import { waitFor } from '../../support/wait-for';
import { startWorkerProcess } from '../../support/worker-process';

/**
 * Three worker processes serve the partner's task queue: the queue-wide rate limit Temporal enforces
 * holds across them, as the simulator's log of what reached the partner shows.
 */
describe('a partner served by three worker processes', () => {
  let harness: PartnerHarness;
  const workers: ManagedProcess[] = [];

  beforeAll(async () => {
    harness = await startPartnerHarness();
    const logs = mkdtempSync(path.join(os.tmpdir(), 'event-hub-partner-workers-'));
    for (let n = 1; n <= 3; n++)
      workers.push(startWorkerProcess(harness.config, path.join(logs, `worker-${n}.log`), harness.workerEnv));
    await waitFor(
      'the partner schedules of the workers',
      async () =>
        (await harness.control.listProviders())
          .find((p) => p.providerId === 'partner')
          ?.windows.every((w) => w.nextRunAt),
      { processes: workers, timeoutMs: 120_000 },
    );
    await harness.control.pause('partner', 'the test triggers its runs');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await harness?.stop();
  });

  it('never lets more than the limit reach the partner in any window of its period', async () => {
    const runs = await Promise.all([
      harness.control.syncNow('partner', { wait: true, window: 'week' }),
      harness.control.syncNow('partner', { wait: true, window: 'today' }),
    ]);
    // A second round while the first one's tail is still in the period.
    const again = await Promise.all([
      harness.control.syncNow('partner', { wait: true, window: 'week' }),
      harness.control.syncNow('partner', { wait: true, window: 'today' }),
    ]);

    for (const run of [...runs, ...again])
      expect(run).toMatchObject({ outcome: 'succeeded', partner: { failed: 0 } });
    const requests = await harness.requests();
    expect(requests).toHaveLength(30);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(maxInAnyWindow(requests, TEST_LIMIT.perSeconds * 1000)).toBeLessThanOrEqual(TEST_LIMIT.requests);
  }, 300_000);
});
