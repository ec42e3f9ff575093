import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManagedProcess } from '../../../scripts/stack/managed-process';
import { zoneWorkflowId } from '../../../src/bookings/zone-workflow-id';
import { bookingIdOf } from '../../../src/domain/booking-id';
import type { ZoneRef } from '../../../src/domain/zone-inventory';
import { bookingQuery } from '../../../src/workflows/zone-inventory-workflow';
import { startBookingHarness, type ApiAnswer, type BookingHarness } from '../../support/booking-harness';
import { waitFor } from '../../support/wait-for';
import { startWorkerProcess } from '../../support/worker-process';

const CAPACITY = 20;
const TTL_S = 45;

// Two worker starts through tsx and holds that expire after 45 s (longer than the burst); each wait inside says what it waited for.
jest.setTimeout(240_000);

describe('a worker killed with SIGKILL in the middle of a burst of 200 holds', () => {
  let h: BookingHarness;
  let worker: ManagedProcess | undefined;
  const logs = mkdtempSync(path.join(os.tmpdir(), 'event-hub-booking-worker-'));

  beforeAll(async () => {
    h = await startBookingHarness({ BOOKING_HOLD_TTL: `${TTL_S}s` }, { inProcessWorker: false });
  });

  afterAll(async () => {
    await worker?.stop();
    await h?.stop();
  });

  async function startWorker(n: number): Promise<ManagedProcess> {
    worker = startWorkerProcess(h.sync.config, path.join(logs, `worker-${n}.log`));
    const schedule = h.sync.temporal.schedule.getHandle(h.sync.feverIds.scheduleId);
    await waitFor(`worker ${n} to start`, () => schedule.describe(), { processes: [worker] });
    return worker;
  }

  /** A client as the API asks for: on 503 it waits Retry-After and sends the same key again. */
  async function holdUntilAnswered(eventId: string, zone: ZoneRef, key: string): Promise<ApiAnswer> {
    for (;;) {
      const answer = await h.post(
        '/bookings',
        { event_id: eventId, zone_key: zone.zoneKey, quantity: 1 },
        { 'idempotency-key': key },
      );
      if (answer.status !== 503) return answer;
      await new Promise((resolve) =>
        setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000),
      );
    }
  }

  /** Every booking the zone's workflow made, by number, until the first it does not know. */
  async function bookingsOfZone(zone: ZoneRef): Promise<{ id: string; status: string }[]> {
    const workflowId = zoneWorkflowId(h.sync.config.ELASTICSEARCH_INDEX_PREFIX, zone);
    const handle = h.sync.temporal.workflow.getHandle(workflowId);
    const found: { id: string; status: string }[] = [];
    for (let number = 1; ; number++) {
      const booking = await handle.query(bookingQuery, number);
      if (!('status' in booking)) return found;
      found.push({ id: bookingIdOf(zone, number), status: booking.status });
    }
  }

  it('loses no accepted hold, never oversells, and still expires the holds after the restart', async () => {
    const first = await startWorker(1);
    const event = await h.seedEvent(1, [{ zoneId: 'A', capacity: CAPACITY }]);
    const zone = event.zones[0]!;
    const answers: ApiAnswer[] = [];
    const { samples } = await h.sampleSeats(zone, async () => {
      const burst = Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          holdUntilAnswered(event.id, zone, `burst-${i}`).then((answer) => answers.push(answer)),
        ),
      );
      await waitFor('the first holds to be accepted', () =>
        answers.some((a) => a.status === 201) ? true : undefined,
      );
      process.kill(-first.pid, 'SIGKILL');
      await first.exited;
      await startWorker(2);
      await burst;
    });

    const accepted = answers.filter((a) => a.status === 201);
    const acceptedIds = new Set(accepted.map((a) => (a.body.data as { booking: { id: string } }).booking.id));
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    expect(acceptedIds.size).toBe(CAPACITY);
    const made = await bookingsOfZone(zone);
    expect(new Set(made.map((b) => b.id))).toEqual(acceptedIds);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((s) => s.held + s.confirmed > CAPACITY)).toEqual([]);

    const expired = await waitFor(
      'every hold to expire on the restarted worker',
      async () => {
        const now = await bookingsOfZone(zone);
        return now.every((b) => b.status === 'expired') ? now : undefined;
      },
      { timeoutMs: (TTL_S + 60) * 1000, intervalMs: 500, processes: [worker!] },
    );
    expect(expired).toHaveLength(CAPACITY);
    expect((await h.zoneNow(zone)).availability).toMatchObject({ held: 0, available: CAPACITY });
  });
});
