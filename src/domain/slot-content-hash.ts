import { createHash } from 'node:crypto';
import type { PartnerSlot, PaxAvailability, PaxPrice } from './partner-slot';

type Canonical<T> = { [K in keyof T]-?: unknown };

/**
 * sha256 hex of a slot's normalized content: everything the slots API returns of it, and where it is
 * filed. Pax order is content (the partner's order is what the API shows).
 */
export function slotContentHash(slot: Omit<PartnerSlot, 'contentHash'>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalSlot(slot)))
    .digest('hex');
}

// Rebuilt field by field in sorted key order, so the text does not depend on how the slot was built; the
// mapped types make the compiler flag a field added to the model but not hashed.
function canonicalSlot(slot: Omit<PartnerSlot, 'contentHash'>): Canonical<Omit<PartnerSlot, 'contentHash'>> {
  return {
    currency: slot.currency,
    endDate: slot.endDate,
    endTime: slot.endTime,
    endsAt: slot.endsAt,
    minPrice: slot.minPrice,
    paxAvailability: slot.paxAvailability.map(canonicalPax),
    productId: slot.productId,
    productKey: slot.productKey,
    providerId: slot.providerId,
    providerSlotId: slot.providerSlotId,
    remaining: slot.remaining,
    startDate: slot.startDate,
    startTime: slot.startTime,
    startsAt: slot.startsAt,
    variantId: slot.variantId,
  };
}

function canonicalPax(pax: PaxAvailability): Canonical<PaxAvailability> {
  return {
    description: pax.description,
    isPrimary: pax.isPrimary,
    max: pax.max,
    min: pax.min,
    name: pax.name,
    price: canonicalPrice(pax.price),
    remaining: pax.remaining,
    type: pax.type,
  };
}

function canonicalPrice(price: PaxPrice): Canonical<PaxPrice> {
  return {
    currencyCode: price.currencyCode,
    discount: price.discount,
    finalPrice: price.finalPrice,
    originalPrice: price.originalPrice,
  };
}
