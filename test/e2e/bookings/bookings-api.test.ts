import { eventId } from '../../../src/domain/event-id';
import type { ZoneRef } from '../../../src/domain/zone-inventory';
import { startBookingHarness, type ApiAnswer, type BookingHarness } from '../../support/booking-harness';
import { createContractValidator } from '../../support/contract';
import { waitFor } from '../../support/wait-for';

const holdContract = createContractValidator('/bookings', { method: 'post', served: true });
const paymentContract = createContractValidator('/bookings/{id}/payment', { method: 'post', served: true });
const bookingContract = createContractValidator('/bookings/{id}', { served: true });

describe('the booking API over a real worker, Temporal and Elasticsearch', () => {
  let h: BookingHarness;

  beforeAll(async () => {
    h = await startBookingHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  function hold(eventId: string, zone: ZoneRef, quantity: number, key: string): Promise<ApiAnswer> {
    return h
      .post('/bookings', { event_id: eventId, zone_key: zone.zoneKey, quantity }, { 'idempotency-key': key })
      .then((answer) => {
        holdContract.assert(answer.status, answer.body);
        return answer;
      });
  }

  async function pay(bookingId: string, status: 'succeeded' | 'failed', reference = 'pay-1') {
    const answer = await h.post(`/bookings/${bookingId}/payment`, { status, reference });
    paymentContract.assert(answer.status, answer.body);
    return answer;
  }

  function bookingOf(answer: ApiAnswer): { id: string; status: string; quantity: number } {
    return (answer.body.data as { booking: { id: string; status: string; quantity: number } }).booking;
  }

  it('sells exactly the 5 seats of a zone to 200 concurrent holds, and confirms the 5 once paid', async () => {
    const event = await h.seedEvent(1, [{ zoneId: 'A', capacity: 5 }]);
    const zone = event.zones[0]!;

    const { result: answers, samples } = await h.sampleSeats(zone, () =>
      Promise.all(Array.from({ length: 200 }, (_, i) => hold(event.id, zone, 1, `burst-${i}`))),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s !== 201 && s !== 409 && s !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503).every((a) => a.headers.get('retry-after') === '1')).toBe(
      true,
    );
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((s) => s.held + s.confirmed > 5)).toEqual([]);

    const held = answers.filter((a) => a.status === 201).map(bookingOf);
    for (const booking of held)
      expect(bookingOf(await pay(booking.id, 'succeeded'))).toMatchObject({ status: 'confirmed' });
    expect((await h.zoneNow(zone)).availability).toMatchObject({ held: 0, confirmed: 5, available: 0 });
    await waitFor(
      'GET /events/{id} to show the zone sold',
      async () => ((await h.availableIn(event.id, zone.zoneKey)) === 0 ? true : undefined),
      { timeoutMs: 2000 },
    );
  });

  it('never holds more than the zone has when 200 concurrent holds ask for 1 to 4 seats each', async () => {
    const event = await h.seedEvent(2, [{ zoneId: 'B', capacity: 5 }]);
    const zone = event.zones[0]!;
    const quantities = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 4) + 1);

    const { result: answers, samples } = await h.sampleSeats(zone, () =>
      Promise.all(quantities.map((q, i) => hold(event.id, zone, q, `mixed-${i}`))),
    );

    const heldSeats = answers
      .filter((a) => a.status === 201)
      .reduce((sum, a) => sum + bookingOf(a).quantity, 0);
    expect(heldSeats).toBeGreaterThan(0);
    expect(heldSeats).toBeLessThanOrEqual(5);
    expect(answers.map((a) => a.status).filter((s) => ![201, 409, 503].includes(s))).toEqual([]);
    const left = 5 - heldSeats;
    const refusedQuantities = quantities.filter((_, i) => answers[i]!.status === 409);
    expect(refusedQuantities.every((q) => q > left)).toBe(true);
    expect(samples.filter((s) => s.held + s.confirmed > 5)).toEqual([]);
  });

  it('answers the same key sent 20 times at once with one hold', async () => {
    const event = await h.seedEvent(3, [{ zoneId: 'C', capacity: 50 }]);
    const zone = event.zones[0]!;

    const answers = await Promise.all(Array.from({ length: 20 }, () => hold(event.id, zone, 2, 'one-key')));

    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    expect(new Set(ok.map((a) => bookingOf(a).id)).size).toBe(1);
    expect((await h.zoneNow(zone)).availability).toMatchObject({ held: 2, available: 48 });
    const again = await hold(event.id, zone, 2, 'one-key');
    expect(bookingOf(again).id).toBe(bookingOf(ok[0]!).id);
  });

  it('refuses bad requests with the contract error body and changes nothing', async () => {
    const event = await h.seedEvent(4, [{ zoneId: 'D', capacity: 5 }]);
    const zone = event.zones[0]!;
    const body = { event_id: event.id, zone_key: zone.zoneKey, quantity: 1 };

    const noKey = await h.post('/bookings', body);
    expect([noKey.status, noKey.body.error?.code]).toEqual([400, 'idempotency_key_required']);
    expect((await hold(event.id, zone, 1, 'k-1')).status).toBe(201);
    const reused = await hold(event.id, zone, 2, 'k-1');
    expect([reused.status, reused.body.error?.code]).toEqual([422, 'idempotency_key_reused']);
    const tooMany = await hold(event.id, zone, 11, 'k-2');
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([422, 'quantity_above_limit']);
    const notWhole = await hold(event.id, zone, 1.5, 'k-3');
    expect([notWhole.status, notWhole.body.error?.code]).toEqual([400, 'invalid_body']);
    const unknownZone = await h.post(
      '/bookings',
      { ...body, zone_key: 'nope:1' },
      { 'idempotency-key': 'k-4' },
    );
    expect(unknownZone.status).toBe(404);
    const unknownEvent = await h.post(
      '/bookings',
      { ...body, event_id: '00000000-0000-5000-8000-000000000000' },
      { 'idempotency-key': 'k-5' },
    );
    expect(unknownEvent.status).toBe(404);
    const anonymous = await h.post('/bookings', body, { 'idempotency-key': 'k-6', authorization: '' });
    expect(anonymous.status).toBe(401);
    const wrongKey = await h.post('/bookings', body, {
      'idempotency-key': 'k-7',
      authorization: 'Bearer not-a-consumer-key-000',
    });
    expect(wrongKey.status).toBe(403);
    expect((await h.get('/bookings/not-a-booking')).status).toBe(404);

    expect((await h.zoneNow(zone)).availability).toMatchObject({ held: 1, available: 4 });
  });

  it('confirms on success (idempotently), releases on failure, and refuses a success after a failure', async () => {
    const event = await h.seedEvent(5, [{ zoneId: 'E', capacity: 5 }]);
    const zone = event.zones[0]!;
    const paid = bookingOf(await hold(event.id, zone, 2, 'pay-ok'));
    const failed = bookingOf(await hold(event.id, zone, 1, 'pay-fail'));

    expect((await pay(paid.id, 'succeeded')).status).toBe(200);
    expect(bookingOf(await pay(paid.id, 'succeeded'))).toMatchObject({ status: 'confirmed' });
    const failAfterSuccess = await pay(paid.id, 'failed');
    expect([failAfterSuccess.status, failAfterSuccess.body.error?.code]).toEqual([409, 'booking_confirmed']);
    expect(bookingOf(await pay(failed.id, 'failed', 'pay-2'))).toMatchObject({ status: 'released' });
    const successAfterFailure = await pay(failed.id, 'succeeded', 'pay-3');
    expect([successAfterFailure.status, successAfterFailure.body.error?.code]).toEqual([
      409,
      'booking_released',
    ]);

    const shown = await h.get(`/bookings/${failed.id}`);
    bookingContract.assert(shown.status, shown.body);
    expect(shown.body.data).toMatchObject({
      booking: {
        status: 'released',
        history: [{ status: 'held' }, { status: 'released', reason: 'payment_failed' }],
      },
    });
    expect((await h.zoneNow(zone)).availability).toMatchObject({ held: 0, confirmed: 2, available: 3 });
    await waitFor(
      'GET /events/{id} to show 3 seats left',
      async () => ((await h.availableIn(event.id, zone.zoneKey)) === 3 ? true : undefined),
      { timeoutMs: 2000 },
    );
  });

  it('follows the provider: a sync that cuts a zone below what is sold releases unpaid holds and freezes sales', async () => {
    // Session 291 of the sample feeds: zone 38 has 100 seats in response_1 and none in response_3.
    const sync = async (sample: number) => {
      h.sync.simulator.control('fever', { sample });
      expect((await h.sync.control.syncNow('fever', { wait: true })).outcome).toBe('succeeded');
    };
    await sync(1);
    const id = eventId('fever', '291', '291');
    const zone = { providerId: 'fever', eventId: id, zoneKey: '38:1' };
    const paid = bookingOf(await hold(id, zone, 3, 'sync-paid'));
    await pay(paid.id, 'succeeded');
    const unpaid = bookingOf(await hold(id, zone, 2, 'sync-unpaid'));

    await sync(3);

    const frozen = await waitFor('the zone to take the capacity of response_3', async () => {
      const now = await h.zoneNow(zone);
      return now.availability.capacity === 0 ? now.availability : undefined;
    });
    expect(frozen).toEqual({ capacity: 0, held: 0, confirmed: 3, available: 0, shortfall: 3 });
    expect(bookingOf(await h.get(`/bookings/${unpaid.id}`))).toMatchObject({ status: 'released' });
    expect(bookingOf(await h.get(`/bookings/${paid.id}`))).toMatchObject({ status: 'confirmed' });
    const refused = await hold(id, zone, 1, 'sync-after-cut');
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'sales_frozen']);
    await waitFor('/metrics to report the shortfall', async () => {
      const metrics = await (await fetch(`${h.api.url}/metrics`)).text();
      return /^event_hub_booking_shortfall_seats 3$/m.test(metrics) ? true : undefined;
    });

    await sync(1);

    await waitFor('the zone to reopen with the capacity of response_1', async () => {
      const now = await h.zoneNow(zone);
      return now.availability.available === 97 ? true : undefined;
    });
    expect((await hold(id, zone, 1, 'sync-after-rise')).status).toBe(201);
  });
});
