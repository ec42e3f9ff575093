import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import type { SlotDocument } from './slot-document';

/** A stored slot document with its external version (the fetch time of the answer that wrote it). */
export interface StoredSlot {
  document: SlotDocument;
  version: number;
}

// Hits per page: a date of one product has tens of slots, seldom more.
const PAGE = 1000;

/**
 * Every stored slot of a product on a date, available or not, by document id. The index is refreshed
 * first, so an answer written a moment ago (for this date by an earlier run) is read, not missed.
 */
export async function storedDateSlots(
  client: Client,
  names: IndexNames,
  where: { providerId: string; productId: string; date: string },
): Promise<Map<string, StoredSlot>> {
  await client.indices.refresh({ index: names.slots });
  const stored = new Map<string, StoredSlot>();
  let after: estypes.SortResults | undefined;
  for (;;) {
    const response = await client.search<SlotDocument>({
      index: names.slots,
      size: PAGE,
      version: true,
      query: { bool: { filter: dateFilter(where) } },
      // A slot id names one slot of a product on a date, so paging on it neither skips nor repeats one.
      sort: [{ provider_slot_id: 'asc' }],
      search_after: after,
      track_total_hits: false,
    });
    for (const hit of response.hits.hits)
      if (hit._source) stored.set(hit._id!, { document: hit._source, version: hit._version ?? 0 });
    if (response.hits.hits.length < PAGE) return stored;
    after = response.hits.hits.at(-1)?.sort;
  }
}

function dateFilter(where: { providerId: string; productId: string; date: string }) {
  return [
    { term: { provider_id: where.providerId } },
    { term: { product_id: where.productId } },
    { term: { date: where.date } },
  ];
}
