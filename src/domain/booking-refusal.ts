/** Why a zone's workflow refused a booking request; the API maps each to a status. */
export type BookingRefusalCode =
  | 'invalid_quantity'
  | 'quantity_above_limit'
  | 'sales_frozen'
  | 'sold_out'
  | 'idempotency_key_reused'
  | 'hold_expired'
  | 'booking_released'
  | 'booking_confirmed'
  | 'booking_not_found'
  | 'booking_forgotten';

/** A refusal with the message the caller reads. */
export interface BookingRefusal {
  refused: BookingRefusalCode;
  message: string;
}

/** Builds a {@link BookingRefusal}. */
export function refusal(refused: BookingRefusalCode, message: string): BookingRefusal {
  return { refused, message };
}

/** Whether a change's result is a refusal rather than a booking. */
export function isRefusal(value: object): value is BookingRefusal {
  return 'refused' in value;
}
