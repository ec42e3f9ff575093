import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../../../src/search/index-names';
import { deleteIndices } from '../../../../support/delete-indices';

/** Removes a test's indices, every events version a migration made and the migrations index included. */
export async function deleteMigrationIndices(client: Client, names: IndexNames): Promise<void> {
  const versions = await client.indices.get({ index: `${names.events}-v*`, expand_wildcards: 'all' });
  const concrete = [...Object.keys(versions), names.migrations];
  await client.indices.delete({ index: concrete, ignore_unavailable: true });
  await deleteIndices(client, names);
}
