import type { Client } from '@elastic/elasticsearch';
import { eventsMapping } from '../../../../../src/search/index-mappings';
import type { IndexNames } from '../../../../../src/search/index-names';

/**
 * Gives a deployment the events index an earlier release would have left: `<alias>-v0`, holding the
 * alias, with the product's mapping minus `title.raw`, which the current release's mapping adds.
 */
export async function createOlderEventsIndex(client: Client, names: IndexNames): Promise<string> {
  const index = `${names.events}-v0`;
  await client.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: {
      ...eventsMapping,
      properties: { ...eventsMapping.properties, title: { type: 'text', store: true } },
    },
    aliases: { [names.events]: { is_write_index: true } },
  });
  return index;
}
