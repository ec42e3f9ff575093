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
import { slotsMapping } from './slots/slot-document';
import { zonePricesMapping } from './zone-price-document';

// A single local node cannot place replicas; a cluster deployment raises this with index settings.
const settings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  refresh_interval: '1s',
};

/**
 * Creates every index, the events alias and their mappings if missing, and adds new fields to indices an
 * earlier release created; safe to call from each process.
 */
export async function ensureIndices(client: Client, names: IndexNames): Promise<void> {
  // Only a new deployment gets its events index here; an existing alias moves by migration (src/search/migration/).
  if (!(await client.indices.existsAlias({ name: names.events })))
    await createIfMissing(client, names.eventsVersioned, eventsMapping, {
      [names.events]: { is_write_index: true },
    });
  await createIfMissing(client, names.syncRuns, syncRunsMapping);
  await createIfMissing(client, names.rejects, rejectsMapping);
  await createIfMissing(client, names.providerState, providerStateMapping);
  await createIfMissing(client, names.zoneAvailability, zoneAvailabilityMapping);
  await createIfMissing(client, names.bookings, bookingsMapping);
  await createIfMissing(client, names.eventHistory, eventHistoryMapping);
  await createIfMissing(client, names.zonePrices, zonePricesMapping);
  await createIfMissing(client, names.slots, slotsMapping);
}

async function createIfMissing(
  client: Client,
  index: string,
  mappings: estypes.MappingTypeMapping,
  aliases?: Record<string, estypes.IndicesAlias>,
): Promise<void> {
  if (await client.indices.exists({ index })) {
    // Fields a release adds to these indices are additive: an index an earlier release made gains them.
    if (!aliases) await client.indices.putMapping({ index, ...mappings });
    return;
  }
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
