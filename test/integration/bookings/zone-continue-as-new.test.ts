import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  holdUpdate,
  releaseUpdate,
  zoneInventoryWorkflow,
  zoneQuery,
} from '../../../src/workflows/zone-inventory-workflow';
import { retryInterruptedUpdate } from '../../../src/bookings/retry-interrupted-update';
import { registerNamespace } from '../../support/register-namespace';
import { uniqueName } from '../../support/test-config';
import { recordingBookingActivities } from './support/recording-booking-activities';

/**
 * A busy zone on the real Temporal dev server: thousands of Updates pass through continue-as-new with
 * nothing refused and idempotency intact. Read-model activities are stand-ins (not what this is about).
 */
const address = process.env.TEMPORAL_ADDRESS!;
const namespace = uniqueName('zones-ns');
const taskQueue = uniqueName('zones');
let connection: Connection;
let client: Client;
let worker: Worker;
let running: Promise<void>;

const { activities } = recordingBookingActivities();

beforeAll(async () => {
  await registerNamespace(address, namespace);
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace });
  worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    namespace,
    taskQueue,
    workflowsPath: require.resolve('../../../src/workflows'),
    activities,
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await connection?.close();
});

/** A hold as the API sends it, repeated when a continue-as-new interrupted it. */
function hold(handle: WorkflowHandle, key: string) {
  return retryInterruptedUpdate(() =>
    handle.executeUpdate(holdUpdate, {
      updateId: key,
      args: [{ key, fingerprint: 'q1', quantity: 1, maxQuantity: 10, ttlMs: 5 * 60 * 1000 }],
    }),
  );
}

describe('zoneInventoryWorkflow under 3,000 hold/release cycles', () => {
  it('continues as new, refuses no Update, and a key from an earlier run still answers its first hold', async () => {
    const zone = { providerId: 'fever', eventId: 'busy-event', zoneKey: '1:1' };
    const handle = await client.workflow.start(zoneInventoryWorkflow, {
      taskQueue,
      workflowId: uniqueName('zone'),
      args: [{ zone, capacity: 1, observedAt: new Date(0).toISOString() }],
    });
    const runIds = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const { number } = await hold(handle, `cycle-${i}`);
      await retryInterruptedUpdate(() =>
        handle.executeUpdate(releaseUpdate, { args: [{ number, reference: `r${i}` }] }),
      );
      if (i % 250 === 0) runIds.add((await handle.describe()).runId);
    }

    expect(runIds.size).toBeGreaterThan(1);
    expect(await hold(handle, 'cycle-1000')).toMatchObject({ number: 1001 });
    expect((await handle.query(zoneQuery)).availability).toMatchObject({ held: 0, available: 1 });
    // 6,000 Updates one after another: minutes on a busy two-core machine.
  }, 600_000);
});
