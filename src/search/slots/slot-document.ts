import type { estypes } from '@elastic/elasticsearch';
import type { PartnerSlot, PaxAvailability } from '../../domain/partner-slot';
import { productKey } from '../../domain/product-key';
import { documentId } from '../document-id';
import { date, double, keyword } from '../mapping-fields';

/** One pax type's figures, flat and snake_case, for aggregations in Kibana. */
export interface PaxFacts {
  type: string;
  name: string;
  remaining: number;
  min: number;
  max: number;
  final_price: number;
  original_price: number;
  discount: number;
  primary: boolean;
}

/** One slot of a partner's product on one date, as the last answer that changed it left it. */
export interface SlotDocument {
  provider_id: string;
  product_id: string;
  /** The hub's product id (UUIDv5 of `provider:productId`), which the API addresses products by. */
  product_key: string;
  provider_slot_id: string;
  /** The date the slot was listed under and starts on, `YYYY-MM-DD`. */
  date: string;
  start_time: string;
  end_date: string;
  end_time: string;
  starts_at: string;
  ends_at: string;
  time_range: { gte: string; lt: string };
  remaining: number;
  /** False once an answer for its date no longer lists it; it keeps its last values. */
  available: boolean;
  currency: string;
  variant_id: number | null;
  min_price: number | null;
  pax: PaxFacts[];
  /** The partner's pax availability as validated, field names and all: what the slots API returns. */
  pax_availability: PaxAvailability[];
  content_hash: string;
  /** When the answer that first listed it was fetched. */
  first_seen_at: string;
  /** When the answer that last wrote it was fetched: its external version. */
  synced_at: string;
  run_id: string;
}

/**
 * Slots: one document per (provider, product, date, slot). `pax` is an object array for Kibana, where a pax
 * type's name and price lose their pairing across types; `pax_availability` is kept whole, unindexed, for
 * the API.
 */
export const slotsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    provider_id: keyword,
    product_id: keyword,
    product_key: keyword,
    provider_slot_id: keyword,
    date: keyword,
    start_time: keyword,
    end_date: keyword,
    end_time: keyword,
    starts_at: date,
    ends_at: date,
    time_range: { type: 'date_range' },
    remaining: { type: 'integer' },
    available: { type: 'boolean' },
    currency: keyword,
    variant_id: { type: 'long' },
    min_price: double,
    pax: {
      properties: {
        type: keyword,
        name: keyword,
        remaining: { type: 'integer' },
        min: { type: 'integer' },
        max: { type: 'integer' },
        final_price: double,
        original_price: double,
        discount: double,
        primary: { type: 'boolean' },
      },
    },
    pax_availability: { type: 'object', enabled: false },
    content_hash: keyword,
    first_seen_at: date,
    synced_at: date,
    run_id: keyword,
  },
};

/**
 * The `_id` of a slot's document: `<product key>:<date>:<providerSlotId>`. The product key is a UUID that
 * names provider and product, and the date has a fixed width, so the partner's free-form slot id comes last
 * and cannot make a key read as another slot's.
 */
export function slotDocumentId(
  providerId: string,
  productId: string,
  date: string,
  providerSlotId: string,
): string {
  return documentId(`${productKey(providerId, productId)}:${date}:${providerSlotId}`);
}

/** The document of `slot` as listed by the answer fetched at `synced.fetchedAt`. */
export function toSlotDocument(
  slot: PartnerSlot,
  synced: { fetchedAt: string; runId: string; firstSeenAt: string },
): SlotDocument {
  return {
    provider_id: slot.providerId,
    product_id: slot.productId,
    product_key: slot.productKey,
    provider_slot_id: slot.providerSlotId,
    date: slot.startDate,
    start_time: slot.startTime,
    end_date: slot.endDate,
    end_time: slot.endTime,
    starts_at: slot.startsAt,
    ends_at: slot.endsAt,
    time_range: { gte: slot.startsAt, lt: slot.endsAt },
    remaining: slot.remaining,
    available: true,
    currency: slot.currency,
    variant_id: slot.variantId,
    min_price: slot.minPrice,
    pax: slot.paxAvailability.map(paxFacts),
    pax_availability: slot.paxAvailability,
    content_hash: slot.contentHash,
    first_seen_at: synced.firstSeenAt,
    synced_at: synced.fetchedAt,
    run_id: synced.runId,
  };
}

function paxFacts(pax: PaxAvailability): PaxFacts {
  return {
    type: pax.type,
    name: pax.name,
    remaining: pax.remaining,
    min: pax.min,
    max: pax.max,
    final_price: pax.price.finalPrice,
    original_price: pax.price.originalPrice,
    discount: pax.price.discount,
    primary: pax.isPrimary,
  };
}
