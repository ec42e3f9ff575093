import { isRefusal } from '../../../src/domain/booking-refusal';
import {
  availabilityOf,
  forgetEndedBookings,
  MAX_REMEMBERED_KEYS,
  newZoneInventory,
  nextExpiryMs,
  type ZoneInventory,
} from '../../../src/domain/zone-inventory';
import {
  checkHold,
  confirmBooking,
  expireDueHolds,
  failPayment,
  observeCapacity,
  placeHold,
  type HoldRequest,
  type HoldResult,
} from '../../../src/domain/zone-inventory-changes';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const TTL = 5 * 60 * 1000;
const zone = { providerId: 'fever', eventId: '7f1c7a3e-0000-5000-8000-000000000001', zoneKey: '40:1' };

function inventory(capacity: number): ZoneInventory {
  return newZoneInventory(zone, capacity, new Date(T0 - 60_000).toISOString());
}

function request(key: string, quantity: number): HoldRequest {
  return { key, fingerprint: `fp-${quantity}`, quantity, maxQuantity: 10, ttlMs: TTL };
}

function hold(inv: ZoneInventory, key: string, quantity: number, now = T0): HoldResult {
  const result = placeHold(inv, request(key, quantity), now);
  if (isRefusal(result)) throw new Error(`hold refused: ${result.refused}`);
  return result;
}

describe('a hold', () => {
  it('takes seats until the zone has fewer left than asked, then is refused as sold out', () => {
    const inv = inventory(5);
    hold(inv, 'a', 3);

    expect(checkHold(inv, request('b', 3))).toMatchObject({ refused: 'sold_out' });
    expect(hold(inv, 'c', 2)).toMatchObject({ number: 2, quantity: 2 });
    expect(availabilityOf(inv)).toEqual({ capacity: 5, held: 5, confirmed: 0, available: 0, shortfall: 0 });
  });

  it('with a known key answers the first hold again and takes no more seats', () => {
    const inv = inventory(5);
    const first = hold(inv, 'a', 2, T0);

    expect(hold(inv, 'a', 2, T0 + 1000)).toEqual(first);
    expect(availabilityOf(inv).held).toBe(2);
  });

  it('with a known key and another body is refused, and changes nothing', () => {
    const inv = inventory(5);
    hold(inv, 'a', 2);

    expect(placeHold(inv, { ...request('a', 3) }, T0)).toMatchObject({ refused: 'idempotency_key_reused' });
    expect(inv.bookings).toHaveLength(1);
  });

  it('is refused for a quantity below 1, not whole, or above the per-booking limit', () => {
    const inv = inventory(50);

    expect(checkHold(inv, request('a', 0))).toMatchObject({ refused: 'invalid_quantity' });
    expect(checkHold(inv, request('a', 1.5))).toMatchObject({ refused: 'invalid_quantity' });
    expect(checkHold(inv, request('a', 11))).toMatchObject({ refused: 'quantity_above_limit' });
  });

  it('remembers the newest keys only, so the state carried across continue-as-new stays bounded', () => {
    const inv = inventory(1_000_000);
    for (let i = 0; i <= MAX_REMEMBERED_KEYS; i++) hold(inv, `k${i}`, 1);

    expect(inv.keys).toHaveLength(MAX_REMEMBERED_KEYS);
    expect(inv.keys[0]![0]).toBe('k1');
  });
});

describe('a payment', () => {
  it('confirms a live hold, and a repeat answers the confirmed booking', () => {
    const inv = inventory(5);
    const { number } = hold(inv, 'a', 2);

    expect(confirmBooking(inv, number, 'pay-1', T0 + 1000)).toMatchObject({ status: 'confirmed' });
    expect(confirmBooking(inv, number, 'pay-1', T0 + 2000)).toMatchObject({ status: 'confirmed' });
    expect(availabilityOf(inv)).toMatchObject({ held: 0, confirmed: 2, available: 3 });
  });

  it('that succeeds after the hold expired is refused, even before the expiry timer fired', () => {
    const inv = inventory(5);
    const { number } = hold(inv, 'a', 2);

    expect(confirmBooking(inv, number, 'pay-1', T0 + TTL)).toMatchObject({ refused: 'hold_expired' });
    expect(availabilityOf(inv)).toMatchObject({ held: 0, confirmed: 0, available: 5 });
  });

  it('that fails releases the hold; a later success is refused and a later failure answers it as it is', () => {
    const inv = inventory(5);
    const { number } = hold(inv, 'a', 2);

    expect(failPayment(inv, number, 'pay-1', T0 + 1000)).toMatchObject({ status: 'released' });
    expect(confirmBooking(inv, number, 'pay-2', T0 + 2000)).toMatchObject({ refused: 'booking_released' });
    expect(failPayment(inv, number, 'pay-1', T0 + 3000)).toMatchObject({ status: 'released' });
  });

  it('that fails after a success is refused: a confirmed booking is never released by a payment', () => {
    const inv = inventory(5);
    const { number } = hold(inv, 'a', 2);
    confirmBooking(inv, number, 'pay-1', T0 + 1000);

    expect(failPayment(inv, number, 'pay-1', T0 + 2000)).toMatchObject({ refused: 'booking_confirmed' });
  });

  it('for an unknown number says not found, and for one the workflow forgot says forgotten', () => {
    const inv = inventory(5);
    const { number } = hold(inv, 'a', 1);
    failPayment(inv, number, 'p', T0);
    forgetEndedBookings(inv, T0 + 2 * 60 * 60 * 1000, inv.seq);

    expect(confirmBooking(inv, 99, 'p', T0)).toMatchObject({ refused: 'booking_not_found' });
    expect(confirmBooking(inv, number, 'p', T0)).toMatchObject({ refused: 'booking_forgotten' });
  });
});

describe('expiry', () => {
  it('releases every hold whose time has come, and the next expiry is the earliest left', () => {
    const inv = inventory(10);
    hold(inv, 'a', 1, T0);
    hold(inv, 'b', 1, T0 + 60_000);

    expect(nextExpiryMs(inv)).toBe(T0 + TTL);
    expect(expireDueHolds(inv, T0 + TTL)).toBe(1);
    expect(nextExpiryMs(inv)).toBe(T0 + 60_000 + TTL);
    expect(inv.bookings[0]!.history.at(-1)).toMatchObject({ status: 'expired', reason: 'hold_ttl' });
  });
});

describe('a capacity the provider reports', () => {
  function soldZone(): ZoneInventory {
    const inv = inventory(100);
    for (let i = 0; i < 50; i++) confirmBooking(inv, hold(inv, `c${i}`, 1).number, `p${i}`, T0);
    for (let i = 0; i < 5; i++) hold(inv, `h${i}`, 1, T0 + i);
    return inv;
  }

  it('below held + confirmed releases the newest holds, keeps every confirmed booking and records the shortfall', () => {
    const inv = soldZone();

    expect(observeCapacity(inv, 40, new Date(T0 + 10_000).toISOString(), T0 + 10_000)).toBe(true);
    expect(availabilityOf(inv)).toEqual({
      capacity: 40,
      held: 0,
      confirmed: 50,
      available: 0,
      shortfall: 10,
    });
    expect(checkHold(inv, request('new', 1))).toMatchObject({ refused: 'sales_frozen' });
  });

  it('releases only as many holds as it must, newest first', () => {
    const inv = soldZone();

    observeCapacity(inv, 53, new Date(T0 + 10_000).toISOString(), T0 + 10_000);

    const held = inv.bookings.filter((b) => b.status === 'held').map((b) => b.number);
    expect(held).toEqual([51, 52, 53]);
    expect(availabilityOf(inv)).toMatchObject({ held: 3, confirmed: 50, shortfall: 0, available: 0 });
  });

  it('rising again reopens sales', () => {
    const inv = soldZone();
    observeCapacity(inv, 40, new Date(T0 + 10_000).toISOString(), T0 + 10_000);

    observeCapacity(inv, 80, new Date(T0 + 20_000).toISOString(), T0 + 20_000);

    expect(availabilityOf(inv)).toEqual({
      capacity: 80,
      held: 0,
      confirmed: 50,
      available: 30,
      shortfall: 0,
    });
    expect(checkHold(inv, request('new', 1))).toBeNull();
  });

  it('observed before the one the zone has is ignored', () => {
    const inv = inventory(100);

    expect(observeCapacity(inv, 10, new Date(T0 - 120_000).toISOString(), T0)).toBe(false);
    expect(inv.capacity).toBe(100);
  });
});

describe('forgetting ended bookings', () => {
  it('keeps held, confirmed and unpublished ones, and ended ones for an hour', () => {
    const inv = inventory(10);
    const kept = hold(inv, 'a', 1).number;
    const ended = hold(inv, 'b', 1).number;
    failPayment(inv, ended, 'p', T0);
    const unpublished = hold(inv, 'c', 1).number;
    failPayment(inv, unpublished, 'p', T0);

    forgetEndedBookings(inv, T0 + 30 * 60 * 1000, inv.seq - 1);
    expect(inv.bookings.map((b) => b.number)).toEqual([kept, ended, unpublished]);

    forgetEndedBookings(inv, T0 + 61 * 60 * 1000, inv.seq - 1);
    expect(inv.bookings.map((b) => b.number)).toEqual([kept, unpublished]);
  });
});
