import type { Client } from '@elastic/elasticsearch';
import pino from 'pino';
import { createActivities, type SyncActivities } from '../../../../src/activities/create-activities';
import type { ProviderSettings } from '../../../../src/providers/provider-settings';
import type { XmlEventListSettings } from '../../../../src/providers/xml-event-list/xml-event-list-settings';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { deleteIndices } from '../../../support/delete-indices';
import { testConfig } from '../../../support/test-config';

/** The `fever` provider as these tests configure it; its feeds are staged, never fetched. */
export const STAGED_FEVER: XmlEventListSettings = {
  id: 'fever',
  kind: 'xml-event-list',
  url: 'http://127.0.0.1:9/never-fetched',
  schedule: { every: '5m' },
  timeZone: 'UTC',
  requestTimeout: '3s',
  maxFeedBytes: 64 * 1024 * 1024,
  headers: {},
  enabled: true,
};

/** The sync activities wired to fresh indices of the test Elasticsearch node and a fresh staging dir. */
export interface ActivitiesOnTestIndices {
  activities: SyncActivities;
  client: Client;
  names: IndexNames;
  stagingDir: string;
  /** Deletes the indices and closes the client. */
  dispose(): Promise<void>;
}

/** Builds the activities as worker.ts does, minus Temporal: run them in a MockActivityEnvironment. */
export async function activitiesOnTestIndices(
  options: {
    indexBatchSize?: number;
    providers?: ProviderSettings[];
    /** Which runs Temporal would call open; by default none but the one a step belongs to. */
    isRunOpen?: (runId: string) => Promise<boolean>;
  } = {},
): Promise<ActivitiesOnTestIndices> {
  const config = testConfig();
  const client = createElasticsearchClient(elasticsearchConnection(config));
  const names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  await ensureIndices(client, names);
  const activities = createActivities({
    providers: options.providers ?? [STAGED_FEVER],
    stagingDir: config.STAGING_DIR,
    stagingQueue: `${config.TEMPORAL_TASK_QUEUE}-staging`,
    elasticsearch: client,
    indices: names,
    logger: pino({ level: 'silent' }),
    indexBatchSize: options.indexBatchSize ?? config.INDEX_BATCH_SIZE,
    indexBatchMaxBytes: config.INDEX_BATCH_MAX_BYTES,
    isRunOpen: options.isRunOpen ?? (() => Promise.resolve(false)),
  });
  return {
    activities,
    client,
    names,
    stagingDir: config.STAGING_DIR,
    async dispose() {
      await deleteIndices(client, names);
      await client.close();
    },
  };
}
