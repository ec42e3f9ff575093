import type { Client } from '@elastic/elasticsearch';

/** Successful index operations an index has taken since it was created: each document write counts once. */
export async function indexingTotal(client: Client, index: string): Promise<number> {
  const stats = await client.indices.stats({ index, metric: 'indexing' });
  return Object.values(stats.indices ?? {}).reduce(
    (sum, entry) => sum + (entry.primaries?.indexing?.index_total ?? 0),
    0,
  );
}
