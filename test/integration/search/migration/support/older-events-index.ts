import type { Client } from '@elastic/elasticsearch';
import { eventsMapping } from '../../../../../src/search/index-mappings';
import type { IndexNames } from '../../../../../src/search/index-names';

/** How the first release mapped what a window search returns: stored, without doc values. */
const storedSummary = { type: 'keyword', index: false, doc_values: false, store: true } as const;

/**
 * Gives a deployment the events index the first release made, `<alias>-v1`, holding the alias: the
 * current mapping as it was then, with search summaries stored instead of in doc values.
 */
export async function createOlderEventsIndex(client: Client, names: IndexNames): Promise<string> {
  const index = `${names.events}-v1`;
  await client.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: {
      ...eventsMapping,
      properties: {
        ...eventsMapping.properties,
        title: { type: 'text', store: true, fields: { raw: { type: 'keyword', ignore_above: 512 } } },
        start_date: storedSummary,
        start_time: storedSummary,
        end_date: storedSummary,
        end_time: storedSummary,
      },
    },
    aliases: { [names.events]: { is_write_index: true } },
  });
  return index;
}
