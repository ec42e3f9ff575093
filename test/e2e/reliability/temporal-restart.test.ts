import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/stack/free-port';
import { startTemporalDevServer, type TemporalDevServer } from '../../../scripts/stack/temporal-dev-server';
import type { RunSummary } from '../../../src/schedules/sync-control';
import { runResult } from '../../support/run-result';
import { startSync, waitForPhase } from '../../support/running-sync';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

const EVENTS = 2000;

describe('the Temporal server restarted in the middle of a run', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'event-hub-own-temporal-'));
  let temporal: TemporalDevServer;
  let harness: SyncHarness;
  let port: number;

  const startTemporal = async (): Promise<TemporalDevServer> =>
    (temporal = await startTemporalDevServer({ dataDir, port, uiPort: null, log: () => undefined }));

  beforeAll(async () => {
    chmodSync(dataDir, 0o755);
    port = await freePort();
    await startTemporal();
    harness = await startSyncHarness({ env: { TEMPORAL_ADDRESS: temporal.address } });
  });

  afterAll(async () => {
    await harness.stop();
    await temporal.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues the run from its persisted state once the server is back', async () => {
    harness.simulator.control('fever', {
      generate: { events: EVENTS, zones: 20, seed: 9 },
      fault: { kind: 'slow', bytesPerSecond: 400_000, times: 1 },
    });
    const handle = await startSync(harness);
    await waitForPhase(handle, 'fetching');

    await temporal.process.stop();
    await startTemporal();
    const summary = await runResult<RunSummary>(handle);

    await harness.elasticsearch.indices.refresh({ index: harness.indices.events });
    const count = await harness.elasticsearch.count({ index: harness.indices.events });
    expect(summary).toMatchObject({ outcome: 'succeeded', counts: { new: EVENTS } });
    expect(count.count).toBe(EVENTS);
  });
});
