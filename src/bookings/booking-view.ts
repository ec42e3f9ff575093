import { bookingIdOf } from '../domain/booking-id';
import type { Booking, BookingStep, ZoneRef } from '../domain/zone-inventory';

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
