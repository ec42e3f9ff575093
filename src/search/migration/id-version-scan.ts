import type { Client, estypes } from '@elastic/elasticsearch';

/** An event document's id and (external) version. */
export interface IdVersion {
  id: string;
  version: number;
}

const PAGE = 10_000;

/**
 * Every document of `index` as id and version, in id order, a page at a time. Pages follow each other
 * by id (a range after the last one), so no search context is held between pages and a scan of millions
 * of documents costs what their ids and versions weigh. Event documents carry their id in `id`.
 */
export async function* scanIdVersions(client: Client, index: string): AsyncGenerator<IdVersion[]> {
  let after: string | null = null;
  for (;;) {
    const response: estypes.SearchResponse = await client.search({
      index,
      size: PAGE,
      _source: false,
      version: true,
      sort: [{ id: 'asc' }],
      query: after === null ? { match_all: {} } : { range: { id: { gt: after } } },
      track_total_hits: false,
    });
    const hits = response.hits.hits;
    if (hits.length > 0) yield hits.map((hit) => ({ id: hit._id!, version: hit._version! }));
    if (hits.length < PAGE) return;
    after = String(hits.at(-1)!.sort![0]);
  }
}
