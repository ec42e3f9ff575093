import type { Client as EsClient } from '@elastic/elasticsearch';
import type { ProviderEvent } from '../../src/domain/event';
import { eventId } from '../../src/domain/event-id';
import { priceRange } from '../../src/domain/price-range';
import { zoneKeysOf } from '../../src/domain/zone-key';
import type { ZoneRef } from '../../src/domain/zone-inventory';
import { writeEventBatch } from '../../src/search/event-writer';
import type { IndexNames } from '../../src/search/index-names';
import { prepareEvent } from '../../src/search/prepared-event';

/** An event the bench sells seats of: its id and one ref per zone, in the order of `capacities`. */
export interface SeededEvent {
  id: string;
  zones: ZoneRef[];
}

const PROVIDER = 'bench';

/**
 * Writes an online event with one unnumbered zone per capacity straight into the events index, as a sync
 * would, and refreshes it so the API finds it at once.
 */
export async function seedBookingEvent(
  elasticsearch: EsClient,
  indices: IndexNames,
  name: string,
  capacities: number[],
): Promise<SeededEvent> {
  const zones = capacities.map((capacity, i) => ({
    zoneId: String(i + 1),
    name: `Zone ${i + 1}`,
    capacity,
    price: 20,
    numbered: false,
  }));
  const event: ProviderEvent = {
    id: eventId(PROVIDER, name, name),
    providerId: PROVIDER,
    baseEventId: name,
    eventId: name,
    title: `Bench ${name}`,
    sellMode: 'online',
    organizerCompanyId: null,
    soldOut: false,
    sellFrom: null,
    sellTo: null,
    // Far ahead, so no sale window or past start ever refuses a hold.
    start: { local: '2035-06-01T20:00:00', instant: '2035-06-01T20:00:00.000Z' },
    end: { local: '2035-06-01T22:00:00', instant: '2035-06-01T22:00:00.000Z' },
    zones,
    ...priceRange(zones),
  };
  await writeEventBatch(elasticsearch, indices, [prepareEvent(event)], {
    runId: `bench-seed-${name}`,
    fetchedAt: new Date().toISOString(),
  });
  await elasticsearch.indices.refresh({ index: indices.events });
  const keys = zoneKeysOf(zones.map((z) => ({ zone_id: z.zoneId })));
  return {
    id: event.id,
    zones: keys.map((zoneKey) => ({ providerId: PROVIDER, eventId: event.id, zoneKey })),
  };
}
