import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { BookingActivities } from '../../../src/activities/bookings/create-booking-activities';
import {
  holdUpdate,
  releaseUpdate,
  zoneInventoryWorkflow,
  zoneQuery,
} from '../../../src/workflows/zone-inventory-workflow';
import { registerNamespace } from '../../support/register-namespace';
import { uniqueName } from '../../support/test-config';

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

const activities: BookingActivities = {
  registerZone: () => Promise.resolve(null),
  publishZone: () => Promise.resolve(),
  reconcileZones: () => Promise.resolve({ signalled: 0 }),
};

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

function hold(handle: WorkflowHandle, key: string) {
  return handle.executeUpdate(holdUpdate, {
    updateId: key,
    args: [{ key, fingerprint: 'q1', quantity: 1, maxQuantity: 10, ttlMs: 5 * 60 * 1000 }],
  });
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
      const { number } = await hold(handle, `cycle-${i}`).catch(async (e) => {
        const history = await handle.fetchHistory();
        const failed = history.events!.filter((ev) => ev.workflowTaskFailedEventAttributes);
        console.log('DEBUG', i, JSON.stringify(failed.slice(0, 2), null, 1).slice(0, 3000));
        throw e;
      });
      await handle
        .executeUpdate(releaseUpdate, { args: [{ number, reference: `r${i}` }] })
        .catch(async (e) => {
          const history = await client.workflow.getHandle(handle.workflowId).fetchHistory();
          const events = history
            .events!.filter((ev) => [8, 9].includes(ev.eventType as number))
            .slice(0, 3)
            .map((ev) => [
              ev.eventType,
              JSON.stringify(
                ev.workflowTaskFailedEventAttributes ??
                  ev.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta ??
                  '',
              ).slice(0, 2500),
            ]);
          process.stdout.write('DEBUG ' + i + ' ' + JSON.stringify(events, null, 1) + '\n');
          throw e;
        });
      if (i % 250 === 0) runIds.add((await handle.describe()).runId);
    }

    expect(runIds.size).toBeGreaterThan(1);
    expect(await hold(handle, 'cycle-1000')).toMatchObject({ number: 1001 });
    expect((await handle.query(zoneQuery)).availability).toMatchObject({ held: 0, available: 1 });
  });
});
