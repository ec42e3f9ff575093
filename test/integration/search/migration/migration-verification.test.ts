import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../../../src/config';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { createTargetIndex } from '../../../../src/search/migration/create-target-index';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { migrateEvents } from '../../../../src/search/migration/migrate-events';
import { MigrationVerificationError } from '../../../../src/search/migration/migration-errors';
import { readMigrationMarker } from '../../../../src/search/migration/migration-marker';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { makeEvent } from '../../../support/fixture-events';
import { testConfig } from '../../../support/test-config';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { NEXT_EVENTS_MAPPING, nextEventsIndex } from './support/next-events-mapping';
import { indexDocuments } from './support/index-documents';

describe('verifying a migration before the switch', () => {
  let config: Config;
  let client: Client;
  let names: IndexNames;
  let current: string;
  let next: string;

  beforeAll(async () => {
    config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    [current, next] = [names.eventsVersioned, nextEventsIndex(names)];
    await ensureIndices(client, names);
    const events = Array.from({ length: 300 }, (_, i) => prepareEvent(makeEvent(i)));
    await writeEventBatch(client, names, events, { runId: 'seed', fetchedAt: '2026-01-01T00:00:00.000Z' });
  });

  afterAll(async () => {
    await deleteMigrationIndices(client, names);
    await client.close();
  });

  it('refuses to switch when the new index holds a document the old one never had, and the old index takes writes again', async () => {
    await createTargetIndex(client, current, next, NEXT_EVENTS_MAPPING.mapping);
    const { _source: stray } = await client.get<Record<string, unknown>>({
      index: current,
      id: makeEvent(0).id,
    });
    await client.index({ index: next, id: 'stray', document: { ...stray, id: 'stray' } });

    const migration = migrateEvents(client, names, NEXT_EVENTS_MAPPING);

    await expect(migration).rejects.toThrow(MigrationVerificationError);
    await expect(migration).rejects.toThrow(
      new RegExp(`${current} has 300 documents .*${next} has 301 .*differing ids include stray`),
    );
    expect(await currentEventsIndex(client, names)).toBe(current);
    expect(await readMigrationMarker(client, names)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^MigrationVerificationError: verification failed, alias not switched/),
    });
    const written = await writeEventBatch(client, names, [prepareEvent(makeEvent(0, { title: 'After' }))], {
      runId: 'after',
      fetchedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(written.changed).toBe(1);
  });

  it('migrates on the next start once the stray document is gone, with the writes made since', async () => {
    await client.delete({ index: next, id: 'stray' });
    const expected = await indexDocuments(client, current);

    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING);

    expect(result).toMatchObject({ outcome: 'migrated', documents: 300 });
    expect(await currentEventsIndex(client, names)).toBe(next);
    expect(await indexDocuments(client, names.events)).toEqual(expected);
    expect(expected.get(makeEvent(0).id)?.title).toBe('After');
  });
});
