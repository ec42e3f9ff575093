import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';

/** The index the events alias writes to; null when the alias does not exist. */
export async function currentEventsIndex(client: Client, names: IndexNames): Promise<string | null> {
  const response = await client.indices.getAlias({ name: names.events }, { ignore: [404] });
  const entries = Object.entries(response).filter(([, value]) => typeof value === 'object' && value?.aliases);
  if (entries.length === 0) return null;
  // One index (this service never points the alias at two), or the one marked as its write index.
  const writer = entries.find(([, value]) => value.aliases[names.events]?.is_write_index === true);
  return (writer ?? entries[0]!)[0];
}

/**
 * Moves the events alias from `source` to `target` in one atomic `_aliases` request: every search and
 * write resolves the alias to one index or the other, never to both or neither. It fails, changing
 * nothing, if the alias has already left `source` (another process switched it).
 */
export async function switchEventsAlias(
  client: Client,
  names: IndexNames,
  source: string,
  target: string,
): Promise<void> {
  await client.indices.updateAliases({
    actions: [
      { remove: { index: source, alias: names.events, must_exist: true } },
      { add: { index: target, alias: names.events, is_write_index: true } },
    ],
  });
}
