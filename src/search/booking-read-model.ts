import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import type { ObservedCapacity, ZonePublication } from '../activities/bookings/booking-activity-types';
import type { ZoneAvailability, ZoneRef } from '../domain/zone-inventory';
import { zoneKeysOf } from '../domain/zone-key';
import { toStoredBooking, type StoredBooking } from './booking-document';
import { documentId, zoneDocumentId } from './document-id';
import { bulkWrite } from './bulk-write';
import type { IndexNames } from './index-names';
import { toZoneDocument, type ZoneDocument } from './zone-document';

/** A zone that has a workflow, with the capacity its workflow last published. */
export interface RegisteredZone {
  zone: ZoneRef;
  capacity: number;
  /** When the provider reported that capacity; the epoch when the workflow has not published yet. */
  capacityObservedAt: string;
}

/** Zones with a shortfall (confirmed seats beyond capacity) and the seats they are short by. */
export interface Shortfall {
  zones: number;
  seats: number;
}

type EventZones = { zones?: { zone_id: string; capacity: number }[]; last_seen_at?: string };

const NEVER_OBSERVED = new Date(0).toISOString();
// Ids per mget and hits per search page: large enough for few round trips, small enough for one heap.
const PAGE = 1000;

/**
 * The bookings read model: zone availability and booking documents as zones' workflows publish them,
 * plus the events index's capacities they are reconciled against. Nothing here decides a sale: the
 * workflows do, and the external versions they write with keep a late, older write from winning.
 */
export class BookingReadModel {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  /**
   * Writes a new zone's document unless it has one. Visible to searches on return, so a sync that starts
   * after this finds the zone, and one that ran before is seen by the capacity read that follows.
   */
  async registerZone(zone: ZoneRef, availability: ZoneAvailability): Promise<void> {
    const document = toZoneDocument(zone, availability, {
      seq: 0,
      capacityObservedAt: null,
      at: new Date().toISOString(),
    });
    try {
      await this.client.index({
        index: this.names.zoneAvailability,
        id: zoneDocumentId(zone.eventId, zone.zoneKey),
        document,
        version: 0,
        version_type: 'external',
        refresh: 'wait_for',
      });
    } catch (error) {
      if (!(error instanceof errors.ResponseError) || error.statusCode !== 409) throw error;
      // A publish wrote it first, without waiting for a refresh: make it searchable now all the same.
      await this.client.indices.refresh({ index: this.names.zoneAvailability });
    }
  }

  /** The zone's capacity in the events index and when it was reported; null when the event or zone is gone. */
  async indexedCapacity(zone: ZoneRef): Promise<ObservedCapacity | null> {
    const [observed] = await this.indexedCapacities([zone]);
    return observed ?? null;
  }

  /** {@link indexedCapacity} of many zones, in their order, reading each event once (realtime). */
  async indexedCapacities(zones: ZoneRef[]): Promise<(ObservedCapacity | null)[]> {
    const events = new Map<string, EventZones>();
    const ids = [...new Set(zones.map((z) => z.eventId))];
    for (let i = 0; i < ids.length; i += PAGE) {
      const response = await this.client.mget<EventZones>({
        index: this.names.events,
        ids: ids.slice(i, i + PAGE),
        _source_includes: ['zones.zone_id', 'zones.capacity', 'last_seen_at'],
        realtime: true,
      });
      for (const doc of response.docs)
        if ('found' in doc && doc.found && doc._source) events.set(doc._id, doc._source);
    }
    return zones.map((zone) => capacityIn(events.get(zone.eventId), zone.zoneKey));
  }

  /** Writes the zone's document and its changed bookings in one request; older versions lose, silently. */
  async publish(p: ZonePublication): Promise<void> {
    const zone = toZoneDocument(p.zone, p.availability, {
      seq: p.seq,
      capacityObservedAt: p.capacityObservedAt,
      at: p.at,
    });
    const operations: unknown[] = [
      this.action(this.names.zoneAvailability, zoneDocumentId(p.zone.eventId, p.zone.zoneKey), p.seq),
      zone,
    ];
    for (const booking of p.bookings) {
      const document = toStoredBooking(p.zone, booking, p.at);
      operations.push(
        this.action(this.names.bookings, documentId(document.booking_id), booking.version),
        document,
      );
    }
    // Conflicts are documents a newer publication already wrote: nothing to do.
    await bulkWrite(this.client, operations);
  }

  /** Every zone of the provider that has a workflow (a document), however many. */
  async zonesOf(providerId: string): Promise<RegisteredZone[]> {
    const zones: RegisteredZone[] = [];
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await this.client.search<ZoneDocument>({
        index: this.names.zoneAvailability,
        size: PAGE,
        query: { term: { provider_id: providerId } },
        // event_id and zone_key name a zone uniquely, so paging on them neither skips nor repeats one.
        sort: [{ event_id: 'asc' }, { zone_key: 'asc' }],
        search_after: after,
        _source: ['provider_id', 'event_id', 'zone_key', 'capacity', 'capacity_observed_at'],
        track_total_hits: false,
      });
      const hits = response.hits.hits;
      for (const { _source: doc } of hits) if (doc) zones.push(registeredZone(doc));
      if (hits.length < PAGE) return zones;
      after = hits.at(-1)?.sort;
    }
  }

  /** Seats available per zone key, for the event's zones that have a document (realtime). */
  async zoneAvailability(eventId: string, zoneKeys: string[]): Promise<Map<string, number>> {
    const available = new Map<string, number>();
    if (zoneKeys.length === 0) return available;
    const response = await this.client.mget<Pick<ZoneDocument, 'zone_key' | 'available'>>({
      index: this.names.zoneAvailability,
      ids: zoneKeys.map((zoneKey) => zoneDocumentId(eventId, zoneKey)),
      _source_includes: ['zone_key', 'available'],
      realtime: true,
    });
    for (const doc of response.docs)
      if ('found' in doc && doc.found && doc._source)
        available.set(doc._source.zone_key, doc._source.available);
    return available;
  }

  /** A booking as last published, or null when none has that id. */
  async storedBooking(bookingId: string): Promise<StoredBooking | null> {
    const response = await this.client.get<StoredBooking>(
      { index: this.names.bookings, id: documentId(bookingId) },
      { ignore: [404] },
    );
    return response.found ? (response._source ?? null) : null;
  }

  /** How many zones have a shortfall and its sum over them; as fresh as the last refresh. */
  async shortfall(): Promise<Shortfall> {
    const response = await this.client.search<never, { seats: estypes.AggregationsSumAggregate }>({
      index: this.names.zoneAvailability,
      size: 0,
      query: { range: { shortfall: { gt: 0 } } },
      aggs: { seats: { sum: { field: 'shortfall' } } },
      track_total_hits: true,
    });
    const total = response.hits.total;
    return {
      zones: typeof total === 'number' ? total : (total?.value ?? 0),
      seats: response.aggregations?.seats.value ?? 0,
    };
  }

  private action(index: string, id: string, version: number) {
    return { index: { _index: index, _id: id, version, version_type: 'external' } };
  }
}

function capacityIn(event: EventZones | undefined, zoneKey: string): ObservedCapacity | null {
  if (!event?.zones || !event.last_seen_at) return null;
  const at = zoneKeysOf(event.zones).indexOf(zoneKey);
  const zone = at === -1 ? undefined : event.zones[at];
  return zone ? { capacity: zone.capacity, observedAt: event.last_seen_at } : null;
}

function registeredZone(doc: ZoneDocument): RegisteredZone {
  return {
    zone: { providerId: doc.provider_id, eventId: doc.event_id, zoneKey: doc.zone_key },
    capacity: doc.capacity,
    capacityObservedAt: doc.capacity_observed_at ?? NEVER_OBSERVED,
  };
}
