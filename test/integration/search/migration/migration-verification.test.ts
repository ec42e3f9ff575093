import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../../../src/config';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { createTargetIndex } from '../../../../src/search/migration/create-target-index';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { migrateEvents } from '../../../../src/search/migration/migrate-events';
import { MigrationVerificationError } from '../../../../src/search/migration/migration-errors';
import { readMigrationMarker } from '../../../../src/search/migration/migration-marker';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { makeEvent } from '../../../support/fixture-events';
import { testConfig } from '../../../support/test-config';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { EVENTS_V2 } from './support/events-v2';
import { indexDocuments } from './support/index-documents';

describe('verifying a migration before the switch', () => {
  let config: Config;
  let client: Client;
  let names: IndexNames;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    config = testConfig();
    client = createElasticsearchClient(config.ELASTICSEARCH_URL);
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    [v1, v2] = [names.eventsVersioned, `${names.events}-v2`];
    await ensureIndices(client, names);
    const events = Array.from({ length: 300 }, (_, i) => prepareEvent(makeEvent(i)));
    await writeEventBatch(client, names, events, { runId: 'seed', fetchedAt: '2026-01-01T00:00:00.000Z' });
  });

  afterAll(async () => {
    await deleteMigrationIndices(client, names);
    await client.close();
  });

  it('refuses to switch when the new index holds a document the old one never had, and the old index takes writes again', async () => {
    await createTargetIndex(client, v1, v2, EVENTS_V2.mapping);
    const { _source: stray } = await client.get<Record<string, unknown>>({ index: v1, id: makeEvent(0).id });
    await client.index({ index: v2, id: 'stray', document: { ...stray, id: 'stray' } });

    const migration = migrateEvents(client, names, EVENTS_V2);

    await expect(migration).rejects.toThrow(MigrationVerificationError);
    await expect(migration).rejects.toThrow(
      /-v1 has 300 documents .*-v2 has 301 .*differing ids include stray/,
    );
    expect(await currentEventsIndex(client, names)).toBe(v1);
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
    await client.delete({ index: v2, id: 'stray' });
    const expected = await indexDocuments(client, v1);

    const result = await migrateEvents(client, names, EVENTS_V2);

    expect(result).toMatchObject({ outcome: 'migrated', documents: 300 });
    expect(await currentEventsIndex(client, names)).toBe(v2);
    expect(await indexDocuments(client, names.events)).toEqual(expected);
    expect(expected.get(makeEvent(0).id)?.title).toBe('After');
  });
});
