import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../src/search/index-names';
import { deleteIndices } from './delete-indices';
import { testConfig } from './test-config';

/** A client of the test node and the test file's index names, set before each test. */
export interface TestIndices {
  client: Client;
  names: IndexNames;
}

/**
 * Gives each test of the file the indices `ensureIndices` creates under the file's prefix, fresh, and
 * deletes them after it.
 */
export function freshIndicesPerTest(): TestIndices {
  const indices = {} as TestIndices;
  beforeEach(async () => {
    const config = testConfig();
    indices.client = createElasticsearchClient(elasticsearchConnection(config));
    indices.names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(indices.client, indices.names);
  });
  afterEach(async () => {
    await deleteIndices(indices.client, indices.names);
    await indices.client.close();
  });
  return indices;
}
