import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import { keyword, date } from '../mapping-fields';

/** The migrations index: the events migration's marker (see migration-marker.ts). */
export const migrationsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    state: keyword,
    source: keyword,
    target: keyword,
    target_version: { type: 'integer' },
    owner: keyword,
    lease_until: date,
    checkpoint: { type: 'keyword', index: false },
    copied: { type: 'long' },
    total: { type: 'long' },
    started_at: date,
    updated_at: date,
    finished_at: date,
    error: { type: 'text' },
  },
};

/**
 * Creates the migrations index if missing. Only a migration needs it (writers read a missing index as
 * "no migration"), so deployments and tests that never migrate do not get one.
 */
export async function ensureMigrationsIndex(client: Client, names: IndexNames): Promise<void> {
  if (!(await client.indices.exists({ index: names.migrations }))) await create(client, names);
  // Another process may have created it an instant ago, and a new index is yellow before its primary
  // has started (reads fail until then): wait for its shard copies to be active.
  await client.cluster.health({ index: names.migrations, wait_for_active_shards: 'all', timeout: '30s' });
}

async function create(client: Client, names: IndexNames): Promise<void> {
  await client.indices
    .create({
      index: names.migrations,
      // A replica where the cluster has a second node: the lock must survive the loss of one.
      settings: { number_of_shards: 1, auto_expand_replicas: '0-1' },
      mappings: migrationsMapping,
      wait_for_active_shards: 1,
    })
    .catch((error: { meta?: { body?: { error?: { type?: string } } } }) => {
      // Another process created it between the check and the create.
      if (error.meta?.body?.error?.type !== 'resource_already_exists_exception') throw error;
    });
}
