import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../src/search/index-names';

/** Removes a test's indices (wildcard deletes are refused by Elasticsearch 8 by default). */
export async function deleteIndices(client: Client, names: IndexNames): Promise<void> {
  const concrete = [
    names.eventsVersioned,
    names.syncRuns,
    names.rejects,
    names.providerState,
    names.zoneAvailability,
    names.bookings,
    names.eventHistory,
    names.zonePrices,
    names.slots,
  ];
  await client.indices.delete({ index: concrete, ignore_unavailable: true });
}
