import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ElasticsearchEventSearch } from '../../../../src/search/elasticsearch-event-search';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import type { EventSummary } from '../../../../src/search/event-search';
import { writeEventBatch } from '../../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { CURRENT_EVENTS_MAPPING } from '../../../../src/search/migration/events-mapping-target';
import { migrateEvents } from '../../../../src/search/migration/migrate-events';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { summaryFieldsRequest } from '../../../../src/search/summary-fields';
import { UndiciSearchTransport, type SearchTransport } from '../../../../src/search/search-transport';
import { makeEvent } from '../../../support/fixture-events';
import { testConfig } from '../../../support/test-config';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { createOlderEventsIndex } from './support/older-events-index';

/** A transport that keeps which way each search read its summary fields. */
function recording(transport: SearchTransport): { transport: SearchTransport; shapes: string[] } {
  const shapes: string[] = [];
  return {
    shapes,
    transport: {
      post(path, body) {
        shapes.push('docvalue_fields' in (JSON.parse(body) as object) ? 'doc-values' : 'stored');
        return transport.post(path, body);
      },
    },
  };
}

async function all(search: ElasticsearchEventSearch): Promise<EventSummary[]> {
  const found: EventSummary[] = [];
  for await (const page of search.search({})) found.push(...page);
  return found;
}

describe('window searches while a release with a new events mapping rolls out', () => {
  let client: Client;
  let transport: UndiciSearchTransport;
  let names: IndexNames;

  beforeEach(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    transport = new UndiciSearchTransport(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await createOlderEventsIndex(client, names);
    await ensureIndices(client, names);
    const events = Array.from({ length: 30 }, (_, i) => prepareEvent(makeEvent(i)));
    await writeEventBatch(client, names, events, { runId: 'old', fetchedAt: '2026-01-01T00:00:00.000Z' });
    await client.indices.refresh({ index: names.events });
  });

  afterEach(async () => {
    await deleteMigrationIndices(client, names);
    await Promise.all([client.close(), transport.close()]);
  });

  it('answers from a v1 index through its stored fields, then from doc values once the alias has moved', async () => {
    const spy = recording(transport);
    const search = new ElasticsearchEventSearch(client, names, spy.transport);

    const beforeMigration = await all(search);
    await migrateEvents(client, names, CURRENT_EVENTS_MAPPING);
    const rightAfter = await all(search);
    const later = await all(search);

    expect(beforeMigration).toHaveLength(30);
    expect(beforeMigration.find((e) => e.title === 'Event 5')).toMatchObject({
      start_date: '2030-01-06',
      start_time: '20:00:00',
      end_time: '22:00:00',
    });
    expect(rightAfter).toEqual(beforeMigration);
    expect(later).toEqual(beforeMigration);
    // Refused once by the v1 index, stored fields until an answer came from the new index, then doc values.
    expect(spy.shapes).toEqual(['doc-values', 'stored', 'stored', 'doc-values']);
  });

  it('keeps the summary fields stored in the new mapping, so the previous release still reads them', async () => {
    await migrateEvents(client, names, CURRENT_EVENTS_MAPPING);
    const response = await client.search({
      index: names.events,
      size: 1,
      query: { term: { title: 'event' } },
      sort: [{ starts_at: 'asc' }],
      ...summaryFieldsRequest('stored'),
    });

    expect(response.hits.hits[0]?.fields).toMatchObject({
      title: ['Event 0'],
      start_date: ['2030-01-01'],
      start_time: ['20:00:00'],
      end_date: ['2030-01-01'],
    });
  });
});
