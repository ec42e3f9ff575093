import { bookingIdOf } from '../domain/booking-id';
import type { Booking, BookingStep, ZoneRef } from '../domain/zone-inventory';
import type { HoldResult } from '../domain/zone-inventory-changes';
import type { StoredBooking } from '../search/booking-document';

/** A booking as the API shows it. */
export interface BookingView {
  id: string;
  status: Booking['status'];
  event_id: string;
  zone_key: string;
  quantity: number;
  expires_at: string;
  payment_reference?: string | null;
  history?: BookingStep[];
}

/** The API's view of a booking the zone's workflow keeps. */
export function bookingView(zone: ZoneRef, booking: Booking): BookingView {
  return {
    id: bookingIdOf(zone, booking.number),
    status: booking.status,
    event_id: zone.eventId,
    zone_key: zone.zoneKey,
    quantity: booking.quantity,
    expires_at: booking.expiresAt,
    payment_reference: booking.paymentReference,
    history: booking.history,
  };
}

/** The answer to a hold: the first one its key got, replayed as it was for every repeat. */
export function heldBookingView(zone: ZoneRef, held: HoldResult): BookingView {
  return {
    id: bookingIdOf(zone, held.number),
    status: 'held',
    event_id: zone.eventId,
    zone_key: zone.zoneKey,
    quantity: held.quantity,
    expires_at: held.expiresAt,
  };
}

/** The API's view of a booking only the read model still has. */
export function storedBookingView(stored: StoredBooking): BookingView {
  return {
    id: stored.booking_id,
    status: stored.status,
    event_id: stored.event_id,
    zone_key: stored.zone_key,
    quantity: stored.quantity,
    expires_at: stored.expires_at,
    payment_reference: stored.payment_reference,
    history: stored.history.map(({ status, at, reason }) =>
      reason === null ? { status, at } : { status, at, reason },
    ),
  };
}
