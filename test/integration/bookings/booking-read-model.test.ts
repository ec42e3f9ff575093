import type { Client } from '@elastic/elasticsearch';
import type { ZonePublication } from '../../../src/activities/bookings/booking-activity-types';
import { bookingIdOf } from '../../../src/domain/booking-id';
import type { Booking, ZoneAvailability, ZoneRef } from '../../../src/domain/zone-inventory';
import { BookingReadModel } from '../../../src/search/booking-read-model';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../src/search/index-names';
import { prepareEvent } from '../../../src/search/prepared-event';
import { deleteIndices } from '../../support/delete-indices';
import { makeEvent } from '../../support/fixture-events';
import { testConfig } from '../../support/test-config';

const FETCHED_AT = '2026-03-01T12:00:00.000Z';

/** As response_3 lists it: zone 186 twice, with other capacities. */
const REPEATED_ZONE = makeEvent(1, {
  providerId: 'fever',
  zones: [
    { zoneId: '186', name: 'Amfiteatre', capacity: 0, price: 75, numbered: true },
    { zoneId: '186', name: 'Amfiteatre', capacity: 12, price: 65, numbered: false },
    { zoneId: '7', name: 'Platea', capacity: 30, price: 20, numbered: true },
  ],
});

function zoneOf(eventId: string, zoneKey: string, providerId = 'fever'): ZoneRef {
  return { providerId, eventId, zoneKey };
}

function seats(capacity: number, held = 0, confirmed = 0, shortfall = 0): ZoneAvailability {
  return { capacity, held, confirmed, available: Math.max(0, capacity - held - confirmed), shortfall };
}

function held(number: number, version: number): Booking {
  return {
    number,
    quantity: 2,
    status: 'held',
    expiresAt: '2026-03-01T12:10:00.000Z',
    paymentReference: null,
    history: [{ status: 'held', at: '2026-03-01T12:00:00.000Z' }],
    version,
  };
}

function confirmed(number: number, version: number): Booking {
  const booking = held(number, version);
  return {
    ...booking,
    status: 'confirmed',
    paymentReference: 'pay-1',
    history: [...booking.history, { status: 'confirmed', at: '2026-03-01T12:05:00.000Z' }],
  };
}

function publication(zone: ZoneRef, seq: number, overrides: Partial<ZonePublication> = {}): ZonePublication {
  return {
    zone,
    seq,
    capacityObservedAt: FETCHED_AT,
    availability: seats(12),
    bookings: [],
    at: new Date(Date.UTC(2026, 2, 1, 12, seq)).toISOString(),
    ...overrides,
  };
}

describe('BookingReadModel on a real Elasticsearch node', () => {
  let client: Client;
  let names: IndexNames;
  let readModel: BookingReadModel;

  beforeEach(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
    readModel = new BookingReadModel(client, names);
  });

  afterEach(async () => {
    await deleteIndices(client, names);
    await client.close();
  });

  async function zoneDocument(zone: ZoneRef) {
    const response = await readModel.zoneAvailability(zone.eventId, [zone.zoneKey]);
    return response.get(zone.zoneKey);
  }

  it('keeps the newest publication of a zone when an older one arrives late', async () => {
    const zone = zoneOf(REPEATED_ZONE.id, '186:2');

    await readModel.publish(publication(zone, 3, { availability: seats(12, 0, 9) }));
    await readModel.publish(publication(zone, 2, { availability: seats(12, 0, 2) }));

    expect(await zoneDocument(zone)).toBe(3);
  });

  it('does not let a registration overwrite what the zone already published', async () => {
    const zone = zoneOf(REPEATED_ZONE.id, '186:2');
    await readModel.publish(publication(zone, 1, { availability: seats(12, 4) }));

    await readModel.registerZone(zone, seats(12));

    expect(await zoneDocument(zone)).toBe(8);
    expect(await readModel.zonesOf('fever')).toEqual([
      { zone, capacity: 12, capacityObservedAt: FETCHED_AT },
    ]);
  });

  it('makes a registered zone findable by the next search at once', async () => {
    const zone = zoneOf(REPEATED_ZONE.id, '7:1');

    await readModel.registerZone(zone, seats(30));

    expect(await readModel.zonesOf('fever')).toEqual([
      { zone, capacity: 30, capacityObservedAt: new Date(0).toISOString() },
    ]);
  });

  it('reads the capacity of the right occurrence of a zone id the feed repeats', async () => {
    await writeEventBatch(client, names, [prepareEvent(REPEATED_ZONE)], {
      runId: 'r1',
      fetchedAt: FETCHED_AT,
    });

    const first = await readModel.indexedCapacity(zoneOf(REPEATED_ZONE.id, '186:1'));
    const second = await readModel.indexedCapacity(zoneOf(REPEATED_ZONE.id, '186:2'));

    expect(first).toEqual({ capacity: 0, observedAt: FETCHED_AT });
    expect(second).toEqual({ capacity: 12, observedAt: FETCHED_AT });
  });

  it('reads no capacity for a zone or an event the index does not have', async () => {
    await writeEventBatch(client, names, [prepareEvent(REPEATED_ZONE)], {
      runId: 'r1',
      fetchedAt: FETCHED_AT,
    });

    const capacities = await readModel.indexedCapacities([
      zoneOf(REPEATED_ZONE.id, '186:3'),
      zoneOf(makeEvent(99).id, '1:1'),
      zoneOf(REPEATED_ZONE.id, '7:1'),
    ]);

    expect(capacities).toEqual([null, null, { capacity: 30, observedAt: FETCHED_AT }]);
  });

  it('lists every zone of a provider, past one page of a thousand', async () => {
    const zones = Array.from({ length: 1203 }, (_, i) => zoneOf(makeEvent(i).id, `${i % 3}:1`));
    const elsewhere = zoneOf(makeEvent(5000).id, '1:1', 'other');
    await inBatches([...zones, elsewhere], 50, (zone) => readModel.publish(publication(zone, 1)));
    await client.indices.refresh({ index: names.zoneAvailability });

    const listed = await readModel.zonesOf('fever');

    expect(listed).toHaveLength(zones.length);
    const keys = (list: ZoneRef[]) => list.map((z) => `${z.eventId}/${z.zoneKey}`).sort();
    expect(keys(listed.map((l) => l.zone))).toEqual(keys(zones));
  });

  it('answers the seats available of the zones that have a document, by zone key', async () => {
    await readModel.publish(
      publication(zoneOf(REPEATED_ZONE.id, '186:2'), 1, { availability: seats(12, 3) }),
    );
    await readModel.publish(publication(zoneOf(REPEATED_ZONE.id, '7:1'), 1, { availability: seats(30) }));

    const available = await readModel.zoneAvailability(REPEATED_ZONE.id, ['186:1', '186:2', '7:1']);

    expect(available).toEqual(
      new Map([
        ['186:2', 9],
        ['7:1', 30],
      ]),
    );
  });

  it('stores each booking by its id, keeping its newest version', async () => {
    const zone = zoneOf(REPEATED_ZONE.id, '186:2');
    await readModel.publish(publication(zone, 2, { bookings: [confirmed(1, 2)] }));
    await readModel.publish(publication(zone, 1, { bookings: [held(1, 1)] }));

    const stored = await readModel.storedBooking(bookingIdOf(zone, 1));

    expect(stored).toEqual({
      booking_id: bookingIdOf(zone, 1),
      provider_id: 'fever',
      event_id: REPEATED_ZONE.id,
      zone_key: '186:2',
      number: 1,
      quantity: 2,
      status: 'confirmed',
      held_at: '2026-03-01T12:00:00.000Z',
      expires_at: '2026-03-01T12:10:00.000Z',
      confirmed_at: '2026-03-01T12:05:00.000Z',
      ended_at: null,
      end_reason: null,
      payment_reference: 'pay-1',
      history: [
        { status: 'held', at: '2026-03-01T12:00:00.000Z', reason: null },
        { status: 'confirmed', at: '2026-03-01T12:05:00.000Z', reason: null },
      ],
      updated_at: publication(zone, 2).at,
    });
    expect(await readModel.storedBooking(bookingIdOf(zone, 2))).toBeNull();
  });

  it('sums the shortfall of the zones that have one', async () => {
    const zones = ['1:1', '2:1', '3:1'].map((key) => zoneOf(REPEATED_ZONE.id, key));
    await readModel.publish(publication(zones[0]!, 1, { availability: seats(2, 0, 5, 3) }));
    await readModel.publish(publication(zones[1]!, 1, { availability: seats(0, 0, 4, 4) }));
    await readModel.publish(publication(zones[2]!, 1, { availability: seats(10, 0, 4) }));
    await client.indices.refresh({ index: names.zoneAvailability });

    expect(await readModel.shortfall()).toEqual({ zones: 2, seats: 7 });
  });
});

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
