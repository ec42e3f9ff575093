import type { estypes } from '@elastic/elasticsearch';
import { documentId } from './document-id';
import type { EventFacts } from './event-facts';
import { keyword, date, double } from './mapping-fields';

/**
 * One zone name of one event, with the event's provider, title and start beside it, so Kibana Lens can
 * group prices and capacities by zone name (it cannot aggregate `nested` fields, and the events index keeps
 * `zones` as a plain object array, where a zone's name and price lose their pairing).
 */
export interface EventZoneDocument {
  event_id: string;
  provider_id: string;
  title: string;
  starts_at: string;
  zone_name: string;
  /** Zones of the event with this name (feeds may repeat a name, or a zone id). */
  zones: number;
  numbered_zones: number;
  capacity: number;
  min_price: number;
  max_price: number;
  /** Mean price of the name's zones in this event. */
  avg_price: number;
  /** Sum of their prices: `sum(price_sum) / sum(zones)` is the exact mean over zones, across events. */
  price_sum: number;
  listed: boolean;
  fetched_at: string;
  run_id: string;
}

/** Event zones: one document per event and zone name, written with the event's external version. */
export const eventZonesMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    event_id: keyword,
    provider_id: keyword,
    title: { type: 'keyword', ignore_above: 512 },
    starts_at: date,
    zone_name: keyword,
    zones: { type: 'integer' },
    numbered_zones: { type: 'integer' },
    capacity: { type: 'long' },
    min_price: double,
    max_price: double,
    avg_price: double,
    price_sum: double,
    listed: { type: 'boolean' },
    fetched_at: date,
    run_id: keyword,
  },
};

/** The `_id` of an event's zone document: `<eventId>:<zone name>` (event ids are UUIDs, with no `:`). */
export function eventZoneDocumentId(eventId: string, zoneName: string): string {
  return documentId(`${eventId}:${zoneName}`);
}

/** The zone documents of `eventId`, one per zone name. */
export function toEventZoneDocuments(
  eventId: string,
  facts: EventFacts,
  state: { listed: boolean; runId: string; fetchedAt: string },
): EventZoneDocument[] {
  return facts.zoneGroups.map((group) => ({
    event_id: eventId,
    provider_id: facts.providerId,
    title: facts.title,
    starts_at: facts.startsAt,
    zone_name: group.name,
    zones: group.zones,
    numbered_zones: group.numberedZones,
    capacity: group.capacity,
    min_price: group.minPrice,
    max_price: group.maxPrice,
    avg_price: group.priceSum / group.zones,
    price_sum: group.priceSum,
    listed: state.listed,
    fetched_at: state.fetchedAt,
    run_id: state.runId,
  }));
}
