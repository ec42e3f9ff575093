import type { Client, estypes } from '@elastic/elasticsearch';
import type { EventDocument } from './event-document';
import { bulkWrite } from './bulk-write';
import type { WriteContext } from './event-writer';
import type { IndexNames } from './index-names';

const PAGE = 5000;

/**
 * Marks `listed: false` on the provider's events that the run's feed no longer lists; they keep their
 * last values and stay searchable. Versioned like every write, so an older run cannot unlist a newer event.
 * Returns how many events this run has unlisted (also when an earlier attempt of it did part of the work).
 */
export async function unlistMissingEvents(
  client: Client,
  names: IndexNames,
  providerId: string,
  listedIds: ReadonlySet<string>,
  context: WriteContext,
): Promise<number> {
  const missing = (await listedEventIds(client, names, providerId)).filter((id) => !listedIds.has(id));
  const version = Date.parse(context.fetchedAt);
  for (let i = 0; i < missing.length; i += PAGE) {
    const ids = missing.slice(i, i + PAGE);
    const response = await client.mget<EventDocument>({ index: names.events, ids });
    const operations = response.docs.flatMap((doc) => {
      if (!('found' in doc) || !doc.found || !doc._source) return [];
      const document: EventDocument = {
        ...doc._source,
        listed: false,
        updated_at: new Date().toISOString(),
        last_run_id: context.runId,
      };
      return [{ index: { _index: names.events, _id: doc._id, version, version_type: 'external' } }, document];
    });
    await bulkWrite(client, operations);
  }
  await client.indices.refresh({ index: names.events });
  const count = await client.count({
    index: names.events,
    query: {
      bool: {
        filter: [
          providerFilter(providerId),
          { term: { listed: false } },
          { term: { last_run_id: context.runId } },
        ],
      },
    },
  });
  return count.count;
}

async function listedEventIds(client: Client, names: IndexNames, providerId: string): Promise<string[]> {
  await client.indices.refresh({ index: names.events });
  const ids: string[] = [];
  let after: estypes.SortResults | undefined;
  for (;;) {
    const page = await client.search({
      index: names.events,
      size: PAGE,
      _source: false,
      query: { bool: { filter: [providerFilter(providerId), { term: { listed: true } }] } },
      sort: [{ id: 'asc' }],
      search_after: after,
      track_total_hits: false,
    });
    for (const hit of page.hits.hits) ids.push(hit._id!);
    if (page.hits.hits.length < PAGE) return ids;
    after = page.hits.hits.at(-1)?.sort;
  }
}

function providerFilter(providerId: string): estypes.QueryDslQueryContainer {
  return { term: { provider_id: providerId } };
}
