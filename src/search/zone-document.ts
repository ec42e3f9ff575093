import type { ZoneAvailability, ZoneRef } from '../domain/zone-inventory';

/** A zone's availability document, field names as analysts see them in Kibana. */
export interface ZoneDocument {
  provider_id: string;
  event_id: string;
  zone_key: string;
  capacity: number;
  held: number;
  confirmed: number;
  available: number;
  shortfall: number;
  sales_frozen: boolean;
  /** Null until the zone's workflow first publishes: registration does not know it. */
  capacity_observed_at: string | null;
  updated_at: string;
  seq: number;
}

/** The document of `zone` with these seat counts, as of `seq`. */
export function toZoneDocument(
  zone: ZoneRef,
  availability: ZoneAvailability,
  state: { seq: number; capacityObservedAt: string | null; at: string },
): ZoneDocument {
  return {
    provider_id: zone.providerId,
    event_id: zone.eventId,
    zone_key: zone.zoneKey,
    capacity: availability.capacity,
    held: availability.held,
    confirmed: availability.confirmed,
    available: availability.available,
    shortfall: availability.shortfall,
    sales_frozen: availability.shortfall > 0,
    capacity_observed_at: state.capacityObservedAt,
    updated_at: state.at,
    seq: state.seq,
  };
}
