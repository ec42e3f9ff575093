/** A price as the partner API states it: `finalPrice = originalPrice - discount`, two decimals. */
export interface SlotPrice {
  finalPrice: number;
  originalPrice: number;
  discount: number;
  currencyCode: string;
}

/** What one pax type may book on a slot. */
export interface PaxAvailability {
  type: string;
  name: string;
  description: string;
  min: number;
  max: number;
  remaining: number;
  isPrimary: boolean;
  price: SlotPrice;
}

/** One bookable departure of a product on a date, as `GET /partners/:id/inventory/:product` lists it. */
export interface AvailabilitySlot {
  startDate: string;
  startTime: string;
  endTime: string;
  /** Stable for the same provider, product, date and start time, whatever the variant. */
  providerSlotId: string;
  remaining: number;
  currencyCode: string;
  variantId: number;
  paxAvailability: PaxAvailability[];
}
