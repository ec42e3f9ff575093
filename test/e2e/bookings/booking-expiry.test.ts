import { startBookingHarness, type ApiAnswer, type BookingHarness } from '../../support/booking-harness';
import { waitFor } from '../../support/wait-for';

const TTL_MS = 3000;

interface BookingBody {
  id: string;
  status: string;
  expires_at: string;
  history: { status: string; at: string; reason?: string }[];
}

/** Holds that live a few seconds (BOOKING_HOLD_TTL=3s), so expiry runs on real time end to end. */
describe('an unpaid hold', () => {
  let h: BookingHarness;

  beforeAll(async () => {
    h = await startBookingHarness({ BOOKING_HOLD_TTL: `${TTL_MS / 1000}s` });
  });

  afterAll(async () => {
    await h?.stop();
  });

  const bookingOf = (answer: ApiAnswer) => (answer.body.data as { booking: BookingBody }).booking;

  it('is released at its TTL, shows in GET /events/{id} within 2 s, and a payment after it is refused', async () => {
    const event = await h.seedEvent(1, [{ zoneId: 'A', capacity: 4 }]);
    const zone = event.zones[0]!;
    const held = bookingOf(
      await h.post(
        '/bookings',
        { event_id: event.id, zone_key: zone.zoneKey, quantity: 3 },
        { 'idempotency-key': 'unpaid' },
      ),
    );
    expect(Date.parse(held.expires_at) - Date.now()).toBeLessThanOrEqual(TTL_MS);
    await waitFor('GET /events/{id} to show the hold', async () =>
      (await h.availableIn(event.id, zone.zoneKey)) === 1 ? true : undefined,
    );

    const expired = await waitFor(
      'the hold to expire',
      async () => {
        const booking = bookingOf(await h.get(`/bookings/${held.id}`));
        return booking.status === 'expired' ? booking : undefined;
      },
      { timeoutMs: TTL_MS + 30_000, intervalMs: 50 },
    );
    const expiredAt = Date.parse(expired.history.at(-1)!.at);
    expect(expired.history.at(-1)).toMatchObject({ status: 'expired', reason: 'hold_ttl' });
    expect(expiredAt).toBeGreaterThanOrEqual(Date.parse(held.expires_at));

    await waitFor(
      'GET /events/{id} to show the seats back',
      async () => ((await h.availableIn(event.id, zone.zoneKey)) === 4 ? true : undefined),
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    expect(Date.now() - expiredAt).toBeLessThan(2000);

    const late = await h.post(`/bookings/${held.id}/payment`, { status: 'succeeded', reference: 'late' });
    expect([late.status, late.body.error?.code]).toEqual([409, 'hold_expired']);
  });

  it('that is paid in time stays confirmed after its TTL has passed', async () => {
    const event = await h.seedEvent(2, [{ zoneId: 'B', capacity: 4 }]);
    const zone = event.zones[0]!;
    const held = bookingOf(
      await h.post(
        '/bookings',
        { event_id: event.id, zone_key: zone.zoneKey, quantity: 2 },
        { 'idempotency-key': 'paid' },
      ),
    );
    const paid = await h.post(`/bookings/${held.id}/payment`, { status: 'succeeded', reference: 'in-time' });
    const confirmedAt = Date.now();
    expect(bookingOf(paid).status).toBe('confirmed');
    await waitFor('GET /events/{id} to show the confirmed seats', async () =>
      (await h.availableIn(event.id, zone.zoneKey)) === 2 ? true : undefined,
    );
    expect(Date.now() - confirmedAt).toBeLessThan(2000);

    await new Promise((resolve) => setTimeout(resolve, Date.parse(held.expires_at) - Date.now() + 500));

    expect(bookingOf(await h.get(`/bookings/${held.id}`)).status).toBe('confirmed');
  });
});
