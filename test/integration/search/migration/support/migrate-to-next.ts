import { loadConfig } from '../../../../../src/config';
import { createElasticsearchClient } from '../../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../../src/search/elasticsearch-connection';
import { indexNames } from '../../../../../src/search/index-names';
import { migrateEvents } from '../../../../../src/search/migration/migrate-events';
import { describeProgress } from '../../../../../src/search/migration/migration-progress';
import { NEXT_EVENTS_MAPPING } from './next-events-mapping';

/**
 * A process that migrates the configured deployment to {@link NEXT_EVENTS_MAPPING}, printing each step, so a test
 * can kill it mid-way. Arguments: `--lease-ms=`, `--batch-size=`, `--docs-per-second=`.
 */
const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const config = loadConfig();
const client = createElasticsearchClient(elasticsearchConnection(config));
migrateEvents(client, indexNames(config.ELASTICSEARCH_INDEX_PREFIX), NEXT_EVENTS_MAPPING, {
  owner: `child-${process.pid}`,
  leaseMs: Number(args.get('lease-ms')),
  batchSize: Number(args.get('batch-size')),
  docsPerSecond: Number(args.get('docs-per-second')),
  onProgress: (step) => process.stdout.write(`${describeProgress(step)}\n`),
})
  .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
  .finally(() => client.close())
  .catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
