import type { Client, estypes } from '@elastic/elasticsearch';

/** What the migration tests compare of a stored event: its version and the fields a sync decides. */
export interface StoredEvent {
  version: number;
  contentHash: string;
  listed: boolean;
  title: string;
}

/** Every document of `index` (or the alias) by id, read after a refresh. */
export async function indexDocuments(client: Client, index: string): Promise<Map<string, StoredEvent>> {
  await client.indices.refresh({ index });
  const documents = new Map<string, StoredEvent>();
  let after: estypes.SortResults | undefined;
  for (;;) {
    const response = await client.search<{ content_hash: string; listed: boolean; title: string }>({
      index,
      size: 5000,
      version: true,
      _source: ['content_hash', 'listed', 'title'],
      sort: [{ id: 'asc' }],
      search_after: after,
      track_total_hits: false,
    });
    for (const hit of response.hits.hits) {
      const source = hit._source!;
      documents.set(hit._id!, {
        version: hit._version!,
        contentHash: source.content_hash,
        listed: source.listed,
        title: source.title,
      });
    }
    if (response.hits.hits.length < 5000) return documents;
    after = response.hits.hits.at(-1)!.sort;
  }
}
