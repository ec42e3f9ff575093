import { createPrng } from '../generator/prng';
import type { AvailabilitySlot, SlotPrice } from './availability-slot';
import type { CalendarDate } from './calendar-date';
import { clockTime } from './clock-time';
import type { Departure, PartnerProduct } from './partner-product';
import { providerSlotId } from './provider-slot-id';
import { removedSlotKey } from './removed-slot';

/** Everything a product's slots on a date depend on. */
export interface AvailabilityQuery {
  providerId: string;
  seed: number;
  /** Bumped through control to change seats and prices (never slot ids or start times). */
  variant: number;
  product: PartnerProduct;
  date: CalendarDate;
  /** Today's day number: a partner sells nothing in the past and publishes about 400 days ahead. */
  today: number;
  /** Keys of slots taken off sale, from {@link removedSlotKey}. */
  removed: { has(key: string): boolean };
}

/** A day of grace, so a client a time zone behind UTC still gets its own today. */
const PAST_DAYS = 1;
const FUTURE_DAYS = 400;
const DISCOUNT_PERCENTS = [10, 15, 20, 25] as const;

/** The product's slots on the date, in start-time order; empty when it does not run that day. */
export function generateAvailability(query: AvailabilityQuery): AvailabilitySlot[] {
  const { product, date, today } = query;
  if (date.day < today - PAST_DAYS || date.day > today + FUTURE_DAYS) return [];
  if (!product.weekdays.includes(date.weekday)) return [];
  return product.departures
    .map((departure) => generateSlot(query, departure))
    .filter(
      (slot) =>
        !query.removed.has(
          removedSlotKey({ productId: product.productId, date: date.iso, startTime: slot.startTime }),
        ),
    );
}

/** One slot, whatever the weekday; its own random stream keeps it independent of other slots and days. */
export function generateSlot(query: AvailabilityQuery, departure: Departure): AvailabilitySlot {
  const { product, date } = query;
  const rng = createPrng(query.seed, product.index, date.day, departure.startMinute, query.variant);
  // About one slot in ten is sold out but still listed, as partners list them.
  const remaining = rng.chance(0.1) ? 0 : rng.int(1, product.capacity);
  const discountPercent = rng.chance(0.4) ? rng.pick(DISCOUNT_PERCENTS) : 0;
  const startTime = clockTime(departure.startMinute);
  return {
    startDate: date.iso,
    startTime,
    endTime: clockTime(departure.startMinute + departure.durationMinutes),
    providerSlotId: providerSlotId(query.providerId, product.productId, date.iso, startTime),
    remaining,
    currencyCode: product.currencyCode,
    variantId: product.variantId,
    paxAvailability: product.paxTypes.map((pax) => ({
      type: pax.type,
      name: pax.name,
      description: pax.description,
      min: pax.min,
      max: pax.max,
      remaining,
      isPrimary: pax.isPrimary,
      price: price(pax.originalCents, discountPercent, product.currencyCode),
    })),
  };
}

/** Works in whole cents so `finalPrice = originalPrice - discount` holds to the cent. */
function price(originalCents: number, discountPercent: number, currencyCode: string): SlotPrice {
  const discountCents = Math.round((originalCents * discountPercent) / 100);
  return {
    finalPrice: (originalCents - discountCents) / 100,
    originalPrice: originalCents / 100,
    discount: discountCents / 100,
    currencyCode,
  };
}
