import type { PaxAvailability } from '../../domain/partner-slot';

/** A partner's product as the read model finds it. */
export interface ProductRef {
  providerId: string;
  productId: string;
}

/** A date with some available slot that has places left, and its cheapest price. */
export interface AvailableDate {
  date: string;
  /** Lowest final price over the date's available slots' pax types with places left; null when none has. */
  min_price: number | null;
  /** The currency of that price. */
  currency: string;
}

/** An available slot as `GET /products/{id}/slots` shows it. */
export interface SlotView {
  provider_slot_id: string;
  start_date: string;
  start_time: string;
  end_date: string;
  end_time: string;
  starts_at: string;
  ends_at: string;
  remaining: number;
  currency: string;
  variant_id: number | null;
  min_price: number | null;
  /** The partner's pax availability, with the partner's field names. */
  pax_availability: PaxAvailability[];
}

/** Read side of the slots index, as the products API needs it. */
export interface Availability {
  /** Dates from `from` to `to` (inclusive, `YYYY-MM-DD`) with an available slot that has places left, in order. */
  datesOf(product: ProductRef, range: { from: string; to: string }): Promise<AvailableDate[]>;
  /** The date's available slots (sold out included), by start then slot id. */
  slotsOf(product: ProductRef, date: string): Promise<SlotView[]>;
}
