import type { Client, estypes } from '@elastic/elasticsearch';
import { retractEventAnalytics, writeEventAnalytics, type EventChange } from './event-analytics';
import type { EventDocument } from './event-document';
import { eventFacts } from './event-facts';
import type { WriteContext } from './event-writer';
import type { IndexNames } from './index-names';
import { bulkWriteEvents } from './migration/bulk-write-events';

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
  for (let i = 0; i < missing.length; i += PAGE) {
    await unlistPage(client, names, missing.slice(i, i + PAGE), context);
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

/** Unlists the events `ids`, their history documents first (see writeEventAnalytics). */
async function unlistPage(
  client: Client,
  names: IndexNames,
  ids: string[],
  context: WriteContext,
): Promise<void> {
  const version = Date.parse(context.fetchedAt);
  const response = await client.mget<EventDocument>({ index: names.events, ids });
  // Documents a newer run wrote are left alone: this run neither unlists them nor records that it did.
  const found = response.docs.filter(
    (doc): doc is estypes.GetGetResult<EventDocument> & { _source: EventDocument } =>
      'found' in doc && doc.found && doc._source !== undefined && (doc._version ?? 0) <= version,
  );
  const changes = found.map((doc) => unlisting(doc._id, doc._source));
  await writeEventAnalytics(client, names, changes, context);
  const refused = await bulkWriteEvents(
    client,
    names,
    found.flatMap((doc) => [
      { index: { _index: names.events, _id: doc._id, version, version_type: 'external' } },
      {
        ...doc._source,
        listed: false,
        updated_at: new Date().toISOString(),
        last_run_id: context.runId,
        changed_fields: ['listed'],
      },
    ]),
  );
  await retractEventAnalytics(
    client,
    names,
    changes.filter((_, i) => refused.has(i)),
    context,
  );
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

function unlisting(id: string, document: EventDocument): EventChange {
  return {
    id,
    facts: eventFacts(document),
    kind: 'unlisted',
    changedFields: ['listed'],
  };
}

function providerFilter(providerId: string): estypes.QueryDslQueryContainer {
  return { term: { provider_id: providerId } };
}
