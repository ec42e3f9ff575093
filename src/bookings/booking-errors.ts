import type { BookingRefusal } from '../domain/booking-refusal';

/** Thrown when a zone's workflow refused a booking request (sold out, expired hold, reused key...). */
export class BookingRefusedError extends Error {
  override name = 'BookingRefusedError';
  constructor(readonly refusal: BookingRefusal) {
    super(refusal.message);
  }
}

/** Thrown when a booking names an event or zone the events index does not have. */
export class UnknownZoneError extends Error {
  override name = 'UnknownZoneError';
}

/** Thrown when a booking id is malformed or names no booking. */
export class UnknownBookingError extends Error {
  override name = 'UnknownBookingError';
}

/** Thrown when a zone already has as many requests in flight as this process admits, or Temporal says so. */
export class ZoneBusyError extends Error {
  override name = 'ZoneBusyError';
}

/** Thrown when Temporal (or, for a lookup, Elasticsearch) cannot be reached. */
export class BookingsUnavailableError extends Error {
  override name = 'BookingsUnavailableError';
}
