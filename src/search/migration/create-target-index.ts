import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * Creates the new events index with `mapping` and the old index's shards and replicas, unless it
 * exists (a migration that stopped and resumes keeps what it copied). It refreshes only when told to:
 * nothing searches it before the switch, and refreshing while the copy runs would only slow the copy.
 */
export async function createTargetIndex(
  client: Client,
  source: string,
  target: string,
  mapping: estypes.MappingTypeMapping,
): Promise<void> {
  if (await client.indices.exists({ index: target })) return;
  const settings = await flatSettings(client, source);
  await client.indices
    .create({
      index: target,
      mappings: mapping,
      settings: {
        number_of_shards: Number(settings['index.number_of_shards']),
        number_of_replicas: Number(settings['index.number_of_replicas']),
        refresh_interval: '-1',
      },
      wait_for_active_shards: 1,
    })
    .catch((error: { meta?: { body?: { error?: { type?: string } } } }) => {
      if (error.meta?.body?.error?.type !== 'resource_already_exists_exception') throw error;
    });
}

/** Gives the new index the old one's refresh interval, before it is verified and searched. */
export async function refreshLikeSource(client: Client, source: string, target: string): Promise<void> {
  const interval = (await flatSettings(client, source))['index.refresh_interval'] ?? null;
  await client.indices.putSettings({ index: target, settings: { 'index.refresh_interval': interval } });
}

async function flatSettings(client: Client, index: string): Promise<Record<string, string | undefined>> {
  const response = await client.indices.getSettings({ index, flat_settings: true });
  return response[index]?.settings ?? {};
}
