import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../../../src/config';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { writeEventBatch, type WriteContext } from '../../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { migrateEvents } from '../../../../src/search/migration/migrate-events';
import type { MigrationProgress } from '../../../../src/search/migration/migration-progress';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { unlistMissingEvents } from '../../../../src/search/unlist-missing-events';
import { makeEvent } from '../../../support/fixture-events';
import { testConfig } from '../../../support/test-config';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { NEXT_EVENTS_MAPPING, nextEventsIndex } from './support/next-events-mapping';
import { indexDocuments } from './support/index-documents';

const FIRST: WriteContext = { runId: 'first', fetchedAt: '2026-01-01T00:00:00.000Z' };
const SECOND: WriteContext = { runId: 'second', fetchedAt: '2026-01-02T00:00:00.000Z' };

function events(from: number, to: number, title = 'Event') {
  return Array.from({ length: to - from }, (_, i) =>
    prepareEvent(makeEvent(from + i, { title: `${title} ${from + i}` })),
  );
}

describe('migrating the events index while events are written', () => {
  let config: Config;
  let client: Client;
  let names: IndexNames;
  let current: string;
  let next: string;

  beforeEach(async () => {
    config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    [current, next] = [names.eventsVersioned, nextEventsIndex(names)];
    await ensureIndices(client, names);
    for (let from = 0; from < 2000; from += 500)
      await writeEventBatch(client, names, events(from, from + 500), FIRST);
  });

  afterEach(async () => {
    await deleteMigrationIndices(client, names);
    await client.close();
  });

  it('moves the alias to the new mapping with every document at its version, and keeps the old index read-only', async () => {
    const before = await indexDocuments(client, current);

    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING);

    expect(result).toMatchObject({ outcome: 'migrated', index: next, documents: 2000 });
    expect(await currentEventsIndex(client, names)).toBe(next);
    expect(await indexDocuments(client, names.events)).toEqual(before);
    const byWord = await client.count({ index: names.events, query: { match: { 'title.words': '1999' } } });
    expect(byWord.count).toBe(1);
    expect(await indexDocuments(client, current)).toEqual(before);
    const settings = await client.indices.getSettings({ index: current, flat_settings: true });
    expect(settings[current]!.settings!['index.blocks.write']).toBe('true');
  });

  it('copies writes made during the copy to the new index itself, so the seal has nothing to catch up', async () => {
    const steps: MigrationProgress[] = [];
    let writes: Promise<unknown> | undefined;
    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING, {
      batchSize: 200,
      docsPerSecond: 2000,
      onProgress: (step) => {
        steps.push(step);
        // Once the copy is under way: change events it has copied and not yet copied, add and unlist some.
        writes ??= step.step === 'copying' ? writeDuringCopy() : undefined;
      },
    });
    await writes;

    const caughtUp = steps.find((step) => step.step === 'caught-up');
    expect(result.outcome).toBe('migrated');
    expect(caughtUp).toEqual({ step: 'caught-up', documents: 0 });
    const stored = await indexDocuments(client, names.events);
    const version = Date.parse(SECOND.fetchedAt);
    expect(stored.size).toBe(2100);
    expect(stored.get(makeEvent(0).id)).toMatchObject({ title: 'Changed 0', version });
    expect(stored.get(makeEvent(1999).id)).toMatchObject({ title: 'Changed 1999', version });
    expect(stored.get(makeEvent(2050).id)).toMatchObject({ title: 'Added 2050', version });
    expect(stored.get(makeEvent(1000).id)).toMatchObject({ listed: false, version });
  });

  async function writeDuringCopy(): Promise<void> {
    const changed = [
      ...events(0, 100, 'Changed'),
      ...events(1900, 2000, 'Changed'),
      ...events(2000, 2100, 'Added'),
    ];
    await writeEventBatch(client, names, changed, SECOND);
    const listed = new Set([
      ...changed.map((e) => e.id),
      ...events(100, 1900)
        .filter((_, i) => i !== 900)
        .map((e) => e.id),
    ]);
    await unlistMissingEvents(client, names, 'test', listed, SECOND);
  }

  it('holds a write the seal refuses until the alias has moved, then writes it to the new index', async () => {
    let sealedWrite: Promise<unknown> | undefined;
    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING, {
      onProgress: (step) => {
        if (step.step === 'sealed')
          sealedWrite = writeEventBatch(client, names, events(0, 10, 'Sealed'), SECOND);
      },
    });
    const counts = await sealedWrite;

    expect(result.outcome).toBe('migrated');
    expect(counts).toEqual({ new: 0, changed: 10, unchanged: 0, superseded: 0 });
    const stored = await indexDocuments(client, names.events);
    expect(stored.get(makeEvent(9).id)).toMatchObject({
      title: 'Sealed 9',
      version: Date.parse(SECOND.fetchedAt),
    });
    expect((await indexDocuments(client, current)).get(makeEvent(9).id)?.title).toBe('Event 9');
  });
});
