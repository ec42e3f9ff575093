import { createHash } from 'node:crypto';
import type { EventTime, ProviderEvent, Zone } from './event';

type Canonical<T> = { [K in keyof T]-?: unknown };

/**
 * sha256 hex of an event's normalized content, so an unchanged event can skip its write. Zone order
 * is content: the provider's order is kept, so a reorder counts as a change.
 */
export function contentHash(event: ProviderEvent): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalEvent(event)))
    .digest('hex');
}

// Rebuilt field by field in sorted key order, so the text does not depend on how the event object
// was built; the mapped types make the compiler flag any field added to the model but not hashed.
// Native JSON.stringify keeps this fast on a million zones, which a generic key-sorting walk was not.
function canonicalEvent(event: ProviderEvent): Canonical<ProviderEvent> {
  return {
    baseEventId: event.baseEventId,
    end: canonicalTime(event.end),
    eventId: event.eventId,
    id: event.id,
    maxPrice: event.maxPrice,
    minPrice: event.minPrice,
    organizerCompanyId: event.organizerCompanyId,
    providerId: event.providerId,
    sellFrom: event.sellFrom === null ? null : canonicalTime(event.sellFrom),
    sellMode: event.sellMode,
    sellTo: event.sellTo === null ? null : canonicalTime(event.sellTo),
    soldOut: event.soldOut,
    start: canonicalTime(event.start),
    title: event.title,
    zones: event.zones.map(canonicalZone),
  };
}

function canonicalTime(time: EventTime): Canonical<EventTime> {
  return { instant: time.instant, local: time.local };
}

function canonicalZone(zone: Zone): Canonical<Zone> {
  return {
    capacity: zone.capacity,
    name: zone.name,
    numbered: zone.numbered,
    price: zone.price,
    zoneId: zone.zoneId,
  };
}
