import path from 'node:path';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../../src/search/event-writer';
import { EVENTS_MAPPING_VERSION, indexNames } from '../../../../src/search/index-names';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ElasticsearchEventSearch } from '../../../../src/search/elasticsearch-event-search';
import type { EventSummary } from '../../../../src/search/event-search';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { UndiciSearchTransport } from '../../../../src/search/search-transport';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { startProcess } from '../../../../scripts/stack/managed-process';
import { childEnv } from '../../../support/child-env';
import { configEnv } from '../../../support/config-env';
import { makeEvent } from '../../../support/fixture-events';
import { startSyncHarness } from '../../../support/sync-harness';
import { testConfig } from '../../../support/test-config';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { indexDocuments } from './support/index-documents';
import { createOlderEventsIndex } from './support/older-events-index';

const root = path.resolve(__dirname, '../../../..');

/** A deployment the first release made (its events alias on mapping v1), holding 600 events. */
async function olderDeployment(client: Client, prefix: string) {
  const names = indexNames(prefix);
  const older = await createOlderEventsIndex(client, names);
  await ensureIndices(client, names);
  const events = Array.from({ length: 600 }, (_, i) => prepareEvent(makeEvent(i)));
  await writeEventBatch(client, names, events, { runId: 'old', fetchedAt: '2026-01-01T00:00:00.000Z' });
  return { names, older, before: await indexDocuments(client, names.events) };
}

describe('moving a deployment on an older events mapping to this release’s', () => {
  it('npm run migrate migrates it and prints its progress; window searches then read the copied events', async () => {
    const config = testConfig();
    const client = createElasticsearchClient(elasticsearchConnection(config));
    const transport = new UndiciSearchTransport(elasticsearchConnection(config));
    const { names, older, before } = await olderDeployment(client, config.ELASTICSEARCH_INDEX_PREFIX);
    const logFile = path.join(os.tmpdir(), `migrate-${config.ELASTICSEARCH_INDEX_PREFIX}.log`);
    try {
      const command = startProcess({
        name: 'migrate',
        command: process.execPath,
        args: ['--import', 'tsx', path.join(root, 'src/migrate.ts')],
        cwd: root,
        env: childEnv(configEnv(config)),
        logFile,
      });

      expect(await command.exited).toBe('0');
      const printed = readFileSync(logFile, 'utf8').split('\n');
      expect(printed).toEqual(
        expect.arrayContaining([
          `events alias ${names.events}; this release's mapping is v${EVENTS_MAPPING_VERSION}`,
          `starting migration ${older} -> ${names.eventsVersioned}`,
          'copied 500/600 documents (83%), 0 already newer in the new index',
          'copied 600/600 documents (100%), 0 already newer in the new index',
          expect.stringMatching(/^verified 600 documents, ids and versions checksum [0-9a-f]{16}$/),
          expect.stringMatching(
            new RegExp(`^alias now on ${names.eventsVersioned}; ${older} is kept read-only`),
          ),
          expect.stringMatching(
            new RegExp(`^migrated 600 documents to ${names.eventsVersioned} in \\d+\\.\\d s$`),
          ),
        ]),
      );
      expect(await currentEventsIndex(client, names)).toBe(names.eventsVersioned);
      expect(await indexDocuments(client, names.events)).toEqual(before);
      const found: EventSummary[] = [];
      for await (const page of new ElasticsearchEventSearch(client, names, transport).search({}))
        found.push(...page);
      expect(found).toHaveLength(600);
      expect(found.find((event) => event.title === 'Event 5')).toMatchObject({
        start_date: '2030-01-06',
        start_time: '20:00:00',
      });
    } finally {
      await deleteMigrationIndices(client, names);
      await Promise.all([client.close(), transport.close()]);
    }
  });

  it('a starting worker migrates it before it serves, then syncs into the new index', async () => {
    const harness = await startSyncHarness({ inProcessWorker: false });
    const { elasticsearch: client } = harness;
    try {
      const { names, before } = await olderDeployment(client, harness.config.ELASTICSEARCH_INDEX_PREFIX);

      await harness.restartWorker();

      expect(await currentEventsIndex(client, names)).toBe(names.eventsVersioned);
      expect(await indexDocuments(client, names.events)).toEqual(before);
      harness.simulator.control('fever', { sample: 1 });
      const run = await harness.control.syncNow('fever', { wait: true });
      expect(run).toMatchObject({ outcome: 'succeeded' });
      expect(run.counts.new).toBeGreaterThan(0);
      const { count } = await client.count({
        index: names.eventsVersioned,
        query: { term: { provider_id: 'fever' } },
      });
      expect(count).toBe(run.counts.new);
    } finally {
      await deleteMigrationIndices(client, harness.indices);
      await harness.stop();
    }
  });
});
