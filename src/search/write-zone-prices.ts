import type { Client, estypes } from '@elastic/elasticsearch';
import type { ZonePriceRow } from '../domain/zone-price-rollup';
import { bulkWrite } from './bulk-write';
import type { WriteContext } from './event-writer';
import type { IndexNames } from './index-names';
import { toZonePriceDocument, zonePriceDocumentId } from './zone-price-document';

const PAGE = 5000;

/**
 * Replaces a provider's zone prices with a run's rows, taken from its whole feed: writes them, then
 * deletes the provider's rows the run no longer has (a zone name dropped, a month left without events).
 * A run older than the one that wrote the rows changes nothing; every write and delete also carries the
 * run's fetch time as external version, so a retry of the same run is refused wherever it already wrote.
 */
export async function writeZonePrices(
  client: Client,
  names: IndexNames,
  providerId: string,
  rows: readonly ZonePriceRow[],
  context: WriteContext,
): Promise<void> {
  const version = Date.parse(context.fetchedAt);
  const stored = await storedRows(client, names, providerId);
  if ([...stored.values()].some((storedVersion) => storedVersion > version)) return;
  const ids = new Set<string>();
  const writes = rows.flatMap((row) => {
    const id = zonePriceDocumentId(row);
    ids.add(id);
    return [
      { index: { _index: names.zonePrices, _id: id, version, version_type: 'external' } },
      toZonePriceDocument(row, context),
    ];
  });
  await bulkWrite(client, writes);
  const gone = [...stored.keys()].filter((id) => !ids.has(id));
  await bulkWrite(
    client,
    gone.map((id) => ({ delete: { _index: names.zonePrices, _id: id, version, version_type: 'external' } })),
  );
}

/** The provider's rows as they are: id and version (the fetch time of the run that wrote each). */
async function storedRows(
  client: Client,
  names: IndexNames,
  providerId: string,
): Promise<Map<string, number>> {
  await client.indices.refresh({ index: names.zonePrices });
  const rows = new Map<string, number>();
  let after: estypes.SortResults | undefined;
  for (;;) {
    const page = await client.search({
      index: names.zonePrices,
      size: PAGE,
      _source: false,
      version: true,
      query: { term: { provider_id: providerId } },
      sort: [{ month: 'asc' }, { zone_name: 'asc' }],
      search_after: after,
      track_total_hits: false,
    });
    for (const hit of page.hits.hits) rows.set(hit._id!, hit._version ?? 0);
    if (page.hits.hits.length < PAGE) return rows;
    after = page.hits.hits.at(-1)?.sort;
  }
}
