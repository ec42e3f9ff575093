import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { HoldRequest } from '../../../src/domain/zone-inventory-changes';
import {
  bookingQuery,
  capacitySignal,
  confirmUpdate,
  holdUpdate,
  zoneInventoryWorkflow,
  zoneQuery,
} from '../../../src/workflows/zone-inventory-workflow';
import { uniqueName } from '../../support/test-config';
import { startTimeSkippingServer } from '../../support/time-skipping-server';
import { waitFor } from '../../support/wait-for';
import { recordingBookingActivities } from './support/recording-booking-activities';

/**
 * The zone's entity workflow on Temporal's time-skipping server: hold expiry takes five minutes of skipped
 * time. Its read-model activities are stand-ins that record what they were given.
 */
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueName('zones');
const { activities, published } = recordingBookingActivities();

beforeAll(async () => {
  env = await startTimeSkippingServer();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../../src/workflows'),
    activities,
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const SECOND = 1000;
const FIVE_MINUTES = 5 * 60 * SECOND;
let zoneCount = 0;

async function startZone(capacity: number): Promise<WorkflowHandle<typeof zoneInventoryWorkflow>> {
  zoneCount += 1;
  const zone = { providerId: 'fever', eventId: `event-${zoneCount}`, zoneKey: '40:1' };
  return env.client.workflow.start(zoneInventoryWorkflow, {
    taskQueue,
    workflowId: uniqueName('zone'),
    args: [{ zone, capacity, observedAt: new Date(0).toISOString() }],
  });
}

function holdRequest(key: string, quantity = 1): HoldRequest {
  return { key, fingerprint: `q${quantity}`, quantity, maxQuantity: 10, ttlMs: FIVE_MINUTES };
}

function hold(handle: WorkflowHandle, key: string, quantity = 1) {
  return handle.executeUpdate(holdUpdate, { updateId: key, args: [holdRequest(key, quantity)] });
}

async function refusalOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkflowUpdateFailedError))
    throw new Error(`expected a refusal, got ${String(error)}`);
  return (error.cause as { type?: string }).type;
}

describe('zoneInventoryWorkflow', () => {
  it('releases an unpaid hold at its TTL, by a durable timer, and refuses a payment after it', async () => {
    const handle = await startZone(5);
    const { number } = await hold(handle, 'late-payer', 2);

    // The test server's clock, skipped ahead: no real time passes.
    await env.sleep(FIVE_MINUTES - SECOND);
    expect(await handle.query(bookingQuery, number)).toMatchObject({ status: 'held' });
    await env.sleep(2 * SECOND);

    await waitFor('the hold to expire', async () => {
      const booking = await handle.query(bookingQuery, number);
      return 'status' in booking && booking.status === 'expired' ? booking : undefined;
    });
    expect((await handle.query(zoneQuery)).availability).toMatchObject({ held: 0, available: 5 });
    const refused = handle.executeUpdate(confirmUpdate, { args: [{ number, reference: 'pay-1' }] });
    expect(await refusalOf(refused)).toBe('hold_expired');
    await waitFor('the expiry in the read model', () =>
      published.find(
        (p) => p.zone.eventId === `event-${zoneCount}` && p.bookings.some((b) => b.status === 'expired'),
      ),
    );
  });

  it('after a capacity drop releases the newest holds, keeps confirmed ones, freezes sales; a rise reopens', async () => {
    const handle = await startZone(100);
    for (let i = 0; i < 50; i++) {
      const { number } = await hold(handle, `paid-${i}`);
      await handle.executeUpdate(confirmUpdate, { args: [{ number, reference: `p${i}` }] });
    }
    const unpaid = [];
    for (let i = 0; i < 5; i++) unpaid.push((await hold(handle, `unpaid-${i}`)).number);

    await handle.signal(capacitySignal, { capacity: 40, observedAt: new Date(Date.now()).toISOString() });

    const dropped = await waitFor('the zone to take capacity 40', async () => {
      const zone = await handle.query(zoneQuery);
      return zone.availability.capacity === 40 ? zone.availability : undefined;
    });
    expect(dropped).toEqual({ capacity: 40, held: 0, confirmed: 50, available: 0, shortfall: 10 });
    for (const number of unpaid)
      expect(await handle.query(bookingQuery, number)).toMatchObject({
        status: 'released',
        history: [{ status: 'held' }, { status: 'released', reason: 'capacity_reduced' }],
      });
    expect(await refusalOf(hold(handle, 'after-drop'))).toBe('sales_frozen');

    await handle.signal(capacitySignal, { capacity: 80, observedAt: new Date(Date.now() + 1).toISOString() });
    await waitFor('the zone to take capacity 80', async () => {
      const zone = await handle.query(zoneQuery);
      return zone.availability.capacity === 80 ? zone : undefined;
    });
    expect(await hold(handle, 'after-rise')).toMatchObject({ quantity: 1 });
  });
});
