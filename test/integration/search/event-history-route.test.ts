import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { ElasticsearchEventHistory } from '../../../src/search/elasticsearch-event-history';
import { ensureIndices } from '../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../src/search/index-names';
import { prepareEvent } from '../../../src/search/prepared-event';
import { unlistMissingEvents } from '../../../src/search/unlist-missing-events';
import { createContractValidator } from '../../support/contract';
import { deleteIndices } from '../../support/delete-indices';
import { makeEvent } from '../../support/fixture-events';
import { testConfig } from '../../support/test-config';
import { createTestApp, type TestApp } from '../../unit/api/fakes/test-app';

const contract = createContractValidator('/events/{id}/history', { served: true });

interface HistoryBody {
  data: { history: Record<string, unknown>[]; next_cursor: string | null } | null;
  error: { code: string } | null;
}

describe('GET /events/:id/history over a real Elasticsearch node', () => {
  let client: Client;
  let names: IndexNames;
  let t: TestApp;
  const event = makeEvent(7);

  beforeAll(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
    t = createTestApp({ eventHistory: new ElasticsearchEventHistory(client, names) });
    // Four runs: new, a price rise, the same feed again (no entry), then gone from the feed.
    const runs = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((day, i) => ({
      runId: `run-${i + 1}`,
      fetchedAt: `${day}T00:00:00.000Z`,
    }));
    const dearer = makeEvent(7, { minPrice: 50, maxPrice: 60 });
    await writeEventBatch(client, names, [prepareEvent(event)], runs[0]!);
    await writeEventBatch(client, names, [prepareEvent(dearer)], runs[1]!);
    await writeEventBatch(client, names, [prepareEvent(dearer)], runs[2]!);
    await unlistMissingEvents(client, names, 'test', new Set(), runs[3]!);
    await client.indices.refresh({ index: [names.events, names.eventHistory] });
  });

  afterAll(async () => {
    t.close();
    await deleteIndices(client, names);
    await client.close();
  });

  async function get(path: string): Promise<{ status: number; body: HistoryBody }> {
    const res = await t.http.get(path);
    contract.assert(res.status, res.body);
    return { status: res.status, body: res.body as HistoryBody };
  }

  it('pages the runs that changed the event, newest first, and follows next_cursor to the end', async () => {
    const first = await get(`/events/${event.id}/history?limit=2`);
    const cursor = encodeURIComponent(first.body.data!.next_cursor!);
    const second = await get(`/events/${event.id}/history?limit=2&cursor=${cursor}`);

    const rows = (body: HistoryBody) => body.data!.history.map((h) => [h.run_id, h.change, h.min_price]);
    expect(rows(first.body)).toEqual([
      ['run-4', 'unlisted', 50],
      ['run-2', 'changed', 50],
    ]);
    expect(rows(second.body)).toEqual([['run-1', 'new', 20]]);
    expect(second.body.data!.next_cursor).toBeNull();
  });

  it('shows each entry with what changed and the event’s figures at that run', async () => {
    const { body } = await get(
      `/events/${event.id}/history?limit=1&cursor=${cursorAfter('2026-01-04T00:00:00.000Z', 'run-4')}`,
    );
    expect(body.data!.history).toEqual([
      {
        run_id: 'run-2',
        fetched_at: '2026-01-02T00:00:00.000Z',
        change: 'changed',
        title: 'Event 7',
        starts_at: event.start.instant,
        min_price: 50,
        max_price: 60,
        total_capacity: 10,
        zone_count: 2,
        changed_fields: ['min_price', 'max_price'],
      },
    ]);
  });

  it('answers 404 for an event the index does not have, and 400 for bad paging', async () => {
    const unknown = await get(`/events/${makeEvent(8).id}/history`);
    const badLimit = await get(`/events/${event.id}/history?limit=500`);
    const badCursor = await get(`/events/${event.id}/history?cursor=not-a-cursor`);
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'not_found']);
    expect([badLimit.status, badCursor.status]).toEqual([400, 400]);
  });
});

function cursorAfter(fetchedAt: string, runId: string): string {
  return Buffer.from(JSON.stringify([fetchedAt, runId])).toString('base64url');
}
