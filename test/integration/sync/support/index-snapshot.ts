import type { EventDocument } from '../../../../src/search/event-document';
import type { SyncHarness } from '../../../support/sync-harness';

/** One stored event as Elasticsearch holds it: its document and its (external) version. */
export interface StoredEvent {
  version: number;
  source: EventDocument;
}

/** Every event document of the harness's index by id, after a refresh, so two snapshots compare exactly. */
export async function indexSnapshot(
  harness: Pick<SyncHarness, 'elasticsearch' | 'indices'>,
): Promise<Map<string, StoredEvent>> {
  const { elasticsearch, indices } = harness;
  await elasticsearch.indices.refresh({ index: indices.events });
  const response = await elasticsearch.search<EventDocument>({
    index: indices.events,
    size: 10_000,
    version: true,
    sort: [{ id: 'asc' }],
  });
  return new Map(
    response.hits.hits.map((hit) => [hit._id!, { version: hit._version!, source: hit._source! }]),
  );
}

/** How many event documents the index holds, after a refresh. */
export async function countEvents(harness: Pick<SyncHarness, 'elasticsearch' | 'indices'>): Promise<number> {
  const { elasticsearch, indices } = harness;
  await elasticsearch.indices.refresh({ index: indices.events });
  return (await elasticsearch.count({ index: indices.events })).count;
}
