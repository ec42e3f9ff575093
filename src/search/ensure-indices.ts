import type { Client, estypes } from '@elastic/elasticsearch';
import { eventHistoryMapping } from './event-history-document';
import type { IndexNames } from './index-names';
import {
  bookingsMapping,
  eventsMapping,
  providerStateMapping,
  rejectsMapping,
  syncRunsMapping,
  zoneAvailabilityMapping,
} from './index-mappings';
import { zonePricesMapping } from './zone-price-document';

// A single local node cannot place replicas; a cluster deployment raises this with index settings.
const settings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  refresh_interval: '1s',
};

/**
 * Creates every index, the events alias and their mappings if missing, and adds this release's new fields
 * to the other indices an earlier release created; safe to call from each process.
 */
export async function ensureIndices(client: Client, names: IndexNames): Promise<void> {
  // Only a new deployment gets its events index here; an existing alias moves by migration (src/search/migration/).
  if (!(await client.indices.existsAlias({ name: names.events })))
    await createIfMissing(client, names.eventsVersioned, eventsMapping, {
      [names.events]: { is_write_index: true },
    });
  await createOrExtend(client, names.syncRuns, syncRunsMapping);
  await createOrExtend(client, names.rejects, rejectsMapping);
  await createOrExtend(client, names.providerState, providerStateMapping);
  await createOrExtend(client, names.zoneAvailability, zoneAvailabilityMapping);
  await createOrExtend(client, names.bookings, bookingsMapping);
  await createOrExtend(client, names.eventHistory, eventHistoryMapping);
  await createOrExtend(client, names.zonePrices, zonePricesMapping);
}

/**
 * Creates the index, or puts the mapping on the one there: adding a field needs no reindex, and a change
 * Elasticsearch cannot merge (a field's type) fails the start rather than the first write.
 */
async function createOrExtend(
  client: Client,
  index: string,
  mappings: estypes.MappingTypeMapping,
): Promise<void> {
  if (await client.indices.exists({ index })) await client.indices.putMapping({ index, ...mappings });
  else await createIfMissing(client, index, mappings);
}

async function createIfMissing(
  client: Client,
  index: string,
  mappings: estypes.MappingTypeMapping,
  aliases?: Record<string, estypes.IndicesAlias>,
): Promise<void> {
  if (await client.indices.exists({ index })) return;
  try {
    await client.indices.create({ index, settings, mappings, aliases, wait_for_active_shards: 1 });
  } catch (error) {
    // Another process created it between the check and the create.
    if (!isAlreadyExists(error)) throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  const type = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
  return type === 'resource_already_exists_exception';
}
