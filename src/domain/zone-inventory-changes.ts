import { isRefusal, refusal, type BookingRefusal } from './booking-refusal';
import {
  availabilityOf,
  bookingNumbered,
  MAX_REMEMBERED_KEYS,
  type Booking,
  type BookingStatus,
  type ZoneInventory,
} from './zone-inventory';

/** A hold as the zone's workflow receives it; the API fills the limits from its configuration. */
export interface HoldRequest {
  /** The consumer-scoped idempotency key. */
  key: string;
  /** Digest of the request body: the same key with another body is refused. */
  fingerprint: string;
  quantity: number;
  maxQuantity: number;
  ttlMs: number;
}

/** A placed hold: the first answer to its key, replayed for every repeat. */
export interface HoldResult {
  number: number;
  quantity: number;
  expiresAt: string;
}

/** Why the hold cannot be placed now, or null. Reads only: validators call it. */
export function checkHold(inventory: ZoneInventory, request: HoldRequest): BookingRefusal | null {
  const remembered = inventory.keys.find(([key]) => key === request.key);
  if (remembered)
    return remembered[1] === request.fingerprint
      ? null
      : refusal('idempotency_key_reused', 'this Idempotency-Key was used with another request body');
  if (!Number.isInteger(request.quantity) || request.quantity < 1)
    return refusal('invalid_quantity', 'quantity must be a whole number of at least 1');
  if (request.quantity > request.maxQuantity)
    return refusal('quantity_above_limit', `at most ${request.maxQuantity} seats per booking`);
  const seats = availabilityOf(inventory);
  if (seats.shortfall > 0)
    return refusal('sales_frozen', 'sales are frozen: the provider reduced this zone below what is sold');
  if (seats.available < request.quantity)
    return refusal('sold_out', `${seats.available} seats left, ${request.quantity} asked for`);
  return null;
}

/** Places the hold (or replays the key's first answer); re-checks first, as state may have moved on. */
export function placeHold(
  inventory: ZoneInventory,
  request: HoldRequest,
  nowMs: number,
): HoldResult | BookingRefusal {
  const remembered = inventory.keys.find(([key]) => key === request.key);
  const refused = checkHold(inventory, request);
  if (refused) return refused;
  if (remembered) {
    const [, , number, quantity, expiresAtMs] = remembered;
    return { number, quantity, expiresAt: new Date(expiresAtMs).toISOString() };
  }
  const at = new Date(nowMs).toISOString();
  const expiresAtMs = nowMs + request.ttlMs;
  const booking: Booking = {
    number: inventory.nextNumber++,
    quantity: request.quantity,
    status: 'held',
    expiresAt: new Date(expiresAtMs).toISOString(),
    paymentReference: null,
    history: [{ status: 'held', at }],
    version: ++inventory.seq,
  };
  inventory.bookings.push(booking);
  inventory.keys.push([request.key, request.fingerprint, booking.number, booking.quantity, expiresAtMs]);
  if (inventory.keys.length > MAX_REMEMBERED_KEYS) inventory.keys.shift();
  return { number: booking.number, quantity: booking.quantity, expiresAt: booking.expiresAt };
}

/** A successful payment: confirms a live hold; repeats answer the confirmed booking. */
export function confirmBooking(
  inventory: ZoneInventory,
  number: number,
  reference: string,
  nowMs: number,
): Booking | BookingRefusal {
  const booking = bookingAsOf(inventory, number, nowMs);
  if (isRefusal(booking)) return booking;
  if (booking.status === 'expired')
    return refusal('hold_expired', `the hold expired at ${booking.expiresAt}, before the payment`);
  if (booking.status === 'released') return refusal('booking_released', 'the booking was released');
  if (booking.status === 'confirmed') return booking;
  booking.status = 'confirmed';
  booking.paymentReference = reference;
  booking.history.push({ status: 'confirmed', at: new Date(nowMs).toISOString() });
  booking.version = ++inventory.seq;
  return booking;
}

/** A failed payment: releases a live hold; an ended booking is answered as it is. */
export function failPayment(
  inventory: ZoneInventory,
  number: number,
  reference: string,
  nowMs: number,
): Booking | BookingRefusal {
  const booking = bookingAsOf(inventory, number, nowMs);
  if (isRefusal(booking)) return booking;
  if (booking.status === 'confirmed')
    return refusal('booking_confirmed', 'the booking is already paid and confirmed');
  if (booking.status !== 'held') return booking;
  booking.paymentReference = reference;
  releaseBooking(inventory, booking, 'released', 'payment_failed', nowMs);
  return booking;
}

/** The booking numbered `number` at workflow time `nowMs`: a hold whose time has come is expired first. */
function bookingAsOf(inventory: ZoneInventory, number: number, nowMs: number): Booking | BookingRefusal {
  const booking = bookingNumbered(inventory, number);
  if (!booking) return unknownBooking(inventory, number);
  if (booking.status === 'held' && Date.parse(booking.expiresAt) <= nowMs)
    releaseBooking(inventory, booking, 'expired', 'hold_ttl', nowMs);
  return booking;
}

/** Expires every hold whose time has come; returns how many expired. */
export function expireDueHolds(inventory: ZoneInventory, nowMs: number): number {
  const due = inventory.bookings.filter((b) => b.status === 'held' && Date.parse(b.expiresAt) <= nowMs);
  for (const booking of due) releaseBooking(inventory, booking, 'expired', 'hold_ttl', nowMs);
  return due.length;
}

/**
 * Takes a capacity the provider reported at `observedAt` (older reports are ignored). Below held +
 * confirmed, the newest unpaid holds are released first; confirmed bookings never are, and what they
 * exceed the capacity by is the shortfall. Returns whether anything changed.
 */
export function observeCapacity(
  inventory: ZoneInventory,
  capacity: number,
  observedAt: string,
  nowMs: number,
): boolean {
  if (Date.parse(observedAt) <= Date.parse(inventory.capacityObservedAt)) return false;
  inventory.capacityObservedAt = observedAt;
  if (capacity === inventory.capacity) return false;
  inventory.capacity = capacity;
  inventory.seq++;
  const newestHoldsFirst = inventory.bookings
    .filter((b) => b.status === 'held')
    .sort((a, b) => b.number - a.number);
  const { confirmed } = availabilityOf(inventory);
  let { held } = availabilityOf(inventory);
  for (const hold of newestHoldsFirst) {
    if (held + confirmed <= capacity) break;
    releaseBooking(inventory, hold, 'released', 'capacity_reduced', nowMs);
    held -= hold.quantity;
  }
  inventory.shortfall = Math.max(0, held + confirmed - capacity);
  return true;
}

function releaseBooking(
  inventory: ZoneInventory,
  booking: Booking,
  status: Extract<BookingStatus, 'released' | 'expired'>,
  reason: string,
  nowMs: number,
): void {
  booking.status = status;
  booking.history.push({ status, at: new Date(nowMs).toISOString(), reason });
  booking.version = ++inventory.seq;
}

/** The refusal for a booking number the workflow does not keep: ended long ago, or never made. */
export function unknownBooking(inventory: ZoneInventory, number: number): BookingRefusal {
  return number > 0 && number < inventory.nextNumber
    ? refusal('booking_forgotten', 'the booking ended long ago; the read model has it')
    : refusal('booking_not_found', 'no such booking');
}
