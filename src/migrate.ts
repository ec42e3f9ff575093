import { loadConfig } from './config';
import { createProcessLogger } from './process-logger';
import { createElasticsearchClient } from './search/elasticsearch-client';
import { elasticsearchConnection } from './search/elasticsearch-connection';
import { ensureIndices } from './search/ensure-indices';
import { indexNames } from './search/index-names';
import { CURRENT_EVENTS_MAPPING } from './search/migration/events-mapping-target';
import { migrateEvents, type MigrationResult } from './search/migration/migrate-events';
import { describeProgress } from './search/migration/migration-progress';
import { waitForElasticsearch } from './search/wait-for-elasticsearch';

/**
 * `npm run migrate`: moves the events alias to this release's mapping version now, printing each step
 * on stdout, instead of leaving it to the next worker start. Run beside live workers and API processes:
 * they keep searching and writing, and a worker starting meanwhile waits for this migration.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createProcessLogger('migrate', config.LOG_LEVEL);
  const elasticsearch = createElasticsearchClient(elasticsearchConnection(config));
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await waitForElasticsearch(elasticsearch, logger);
    await ensureIndices(elasticsearch, indices);
    print(`events alias ${indices.events}; this release's mapping is v${CURRENT_EVENTS_MAPPING.version}`);
    const result = await migrateEvents(elasticsearch, indices, CURRENT_EVENTS_MAPPING, {
      onProgress: (progress) => print(describeProgress(progress)),
    });
    print(summary(result));
  } finally {
    await elasticsearch.close();
  }
}

function summary(result: MigrationResult): string {
  const took = `${result.seconds.toFixed(1)} s`;
  switch (result.outcome) {
    case 'current':
      return `nothing to do: the alias is on ${result.index}`;
    case 'joined':
      return `another process migrated; the alias is on ${result.index} (waited ${took})`;
    case 'migrated':
      return `migrated ${result.documents ?? 0} documents to ${result.index} in ${took}`;
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    createProcessLogger('migrate').fatal({ err: error }, 'migration failed');
    process.exitCode = 1;
  });
}
