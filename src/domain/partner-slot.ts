/** A pax type's price in a slot, with the partner's field names. */
export interface PaxPrice {
  finalPrice: number;
  originalPrice: number;
  discount: number;
  currencyCode: string;
}

/** How many of one kind of participant (adult, child...) a slot takes, and at what price; the partner's field names. */
export interface PaxAvailability {
  type: string;
  name: string;
  description: string | null;
  min: number;
  max: number;
  remaining: number;
  isPrimary: boolean;
  price: PaxPrice;
}

/** One time slot of a partner's product on one date, validated and normalized. */
export interface PartnerSlot {
  providerId: string;
  /** The partner's product id, as configured. */
  productId: string;
  /** The hub's id of the product: UUIDv5 of `provider:productId` (see productKey). */
  productKey: string;
  providerSlotId: string;
  /** The date asked for, `YYYY-MM-DD`: a slot starts on the date it was listed under. */
  startDate: string;
  /** The partner's wall-clock start, `HH:mm` (or `HH:mm:ss`) as written. */
  startTime: string;
  /** The start date, or the next day when the end time is earlier than the start time. */
  endDate: string;
  endTime: string;
  /** ISO-8601 UTC instants of start and end, read in the provider's time zone. */
  startsAt: string;
  endsAt: string;
  remaining: number;
  currency: string;
  variantId: number | null;
  paxAvailability: PaxAvailability[];
  /** Lowest final price over pax types with some remaining; null when none has. */
  minPrice: number | null;
  /** sha256 of what the slots API returns of it, so an unchanged slot is never rewritten. */
  contentHash: string;
}
