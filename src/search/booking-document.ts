import { bookingIdOf } from '../domain/booking-id';
import type { Booking, BookingStatus, ZoneRef } from '../domain/zone-inventory';

/** A booking as the bookings index stores it, field names as analysts see them in Kibana. */
export interface StoredBooking {
  booking_id: string;
  provider_id: string;
  event_id: string;
  zone_key: string;
  number: number;
  quantity: number;
  status: BookingStatus;
  held_at: string;
  expires_at: string;
  confirmed_at: string | null;
  ended_at: string | null;
  /** Why it ended: `payment_failed`, `capacity_reduced`, `hold_ttl`. */
  end_reason: string | null;
  payment_reference: string | null;
  history: { status: BookingStatus; at: string; reason: string | null }[];
  updated_at: string;
}

/** The document of one booking of `zone`, written at workflow time `at`. */
export function toStoredBooking(zone: ZoneRef, booking: Booking, at: string): StoredBooking {
  const step = (status: BookingStatus) => booking.history.find((s) => s.status === status);
  const ended = booking.history.find((s) => s.status === 'released' || s.status === 'expired');
  return {
    booking_id: bookingIdOf(zone, booking.number),
    provider_id: zone.providerId,
    event_id: zone.eventId,
    zone_key: zone.zoneKey,
    number: booking.number,
    quantity: booking.quantity,
    status: booking.status,
    held_at: step('held')?.at ?? booking.history[0]?.at ?? at,
    expires_at: booking.expiresAt,
    confirmed_at: step('confirmed')?.at ?? null,
    ended_at: ended?.at ?? null,
    end_reason: ended?.reason ?? null,
    payment_reference: booking.paymentReference,
    history: booking.history.map((s) => ({ status: s.status, at: s.at, reason: s.reason ?? null })),
    updated_at: at,
  };
}
