import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../../src/config';
import type { EventSummary } from '../../../src/search/event-search';
import { BookingReadModel } from '../../../src/search/booking-read-model';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { ElasticsearchEventSearch } from '../../../src/search/elasticsearch-event-search';
import { ensureIndices } from '../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../src/search/index-names';
import { prepareEvent } from '../../../src/search/prepared-event';
import { UndiciSearchTransport } from '../../../src/search/search-transport';
import type { ProviderEvent } from '../../../src/domain/event';
import { unlistMissingEvents } from '../../../src/search/unlist-missing-events';
import { deleteIndices } from '../../support/delete-indices';
import { makeEvent } from '../../support/fixture-events';
import { testConfig } from '../../support/test-config';

function prepared(events: ProviderEvent[]) {
  return events.map(prepareEvent);
}

async function collect(pages: AsyncIterable<EventSummary[]>): Promise<EventSummary[]> {
  const all: EventSummary[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

describe('events index on a real Elasticsearch node', () => {
  let config: Config;
  let client: Client;
  let names: IndexNames;
  let transport: UndiciSearchTransport;

  beforeEach(async () => {
    config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    transport = new UndiciSearchTransport(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
  });

  afterEach(async () => {
    await deleteIndices(client, names);
    await Promise.all([client.close(), transport.close()]);
  });

  it('bulk-indexes events and finds them with a date_range window query, sorted by start then id', async () => {
    const events = [makeEvent(3), makeEvent(1), makeEvent(2), makeEvent(1 + 28 * 12)];
    const counts = await writeEventBatch(client, names, prepared(events), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(counts).toEqual({ new: 4, changed: 0, unchanged: 0, superseded: 0 });
    await client.indices.refresh({ index: names.events });
    const search = new ElasticsearchEventSearch(client, names, transport);

    const found = await collect(
      search.search({ startsAt: new Date('2030-01-02T00:00:00Z'), endsAt: new Date('2030-01-03T22:00:00Z') }),
    );

    const sameStart = [makeEvent(1).id, makeEvent(1 + 28 * 12).id].sort();
    expect(found.map((e) => e.id)).toEqual([...sameStart, makeEvent(2).id]);
    expect(found[2]).toEqual({
      id: makeEvent(2).id,
      title: 'Event 2',
      start_date: '2030-01-03',
      start_time: '20:00:00',
      end_date: '2030-01-03',
      end_time: '22:00:00',
      min_price: 22,
      max_price: 22,
    });
  });

  it('returns a title too long for doc values in full, read from the event itself', async () => {
    const long = { ...makeEvent(4), title: `${'Gran concierto '.repeat(600)}final` };
    await writeEventBatch(client, names, prepared([long, makeEvent(5)]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    await client.indices.refresh({ index: names.events });
    const search = new ElasticsearchEventSearch(client, names, transport);

    const found = await collect(search.search({ startsAt: new Date('2030-01-01T00:00:00Z') }));

    expect(long.title.length).toBeGreaterThan(8191);
    expect(found.map((e) => [e.id, e.title])).toEqual([
      [long.id, long.title],
      [makeEvent(5).id, 'Event 5'],
    ]);
  });

  it('excludes an event that starts before the window or ends after it', async () => {
    await writeEventBatch(client, names, prepared([makeEvent(5)]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    await client.indices.refresh({ index: names.events });
    const search = new ElasticsearchEventSearch(client, names, transport);
    const startsTooEarly = await collect(search.search({ startsAt: new Date('2030-01-06T20:00:01Z') }));
    const endsTooLate = await collect(search.search({ endsAt: new Date('2030-01-06T21:59:59Z') }));
    const exactBounds = await collect(
      search.search({ startsAt: new Date('2030-01-06T20:00:00Z'), endsAt: new Date('2030-01-06T22:00:00Z') }),
    );
    expect([startsTooEarly.length, endsTooLate.length, exactBounds.length]).toEqual([0, 0, 1]);
  });

  it('never returns events that were never online', async () => {
    await writeEventBatch(client, names, prepared([makeEvent(1, { sellMode: 'offline' }), makeEvent(2)]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    await client.indices.refresh({ index: names.events });
    const found = await collect(new ElasticsearchEventSearch(client, names, transport).search({}));
    expect(found.map((e) => e.title)).toEqual(['Event 2']);
  });

  it('keeps an event online-once searchable after it goes offline, with its latest values', async () => {
    await writeEventBatch(client, names, prepared([makeEvent(1)]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    await writeEventBatch(
      client,
      names,
      prepared([makeEvent(1, { sellMode: 'offline', title: 'Renamed' })]),
      {
        runId: 'r2',
        fetchedAt: '2026-01-02T00:00:00.000Z',
      },
    );
    await client.indices.refresh({ index: names.events });
    const found = await collect(new ElasticsearchEventSearch(client, names, transport).search({}));
    expect(found.map((e) => e.title)).toEqual(['Renamed']);
  });

  it('does not rewrite unchanged events and never lets an older run overwrite a newer one', async () => {
    const older = { runId: 'old', fetchedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { runId: 'new', fetchedAt: '2026-01-02T00:00:00.000Z' };
    await writeEventBatch(client, names, prepared([makeEvent(1, { title: 'New title' })]), newer);
    const again = await writeEventBatch(client, names, prepared([makeEvent(1, { title: 'New title' })]), {
      runId: 'later',
      fetchedAt: '2026-01-03T00:00:00.000Z',
    });
    const stale = await writeEventBatch(
      client,
      names,
      prepared([makeEvent(1, { title: 'Old title' })]),
      older,
    );
    await client.indices.refresh({ index: names.events });
    const doc = await client.get<{ title: string; last_run_id: string }>({
      index: names.events,
      id: makeEvent(1).id,
    });

    expect(again).toEqual({ new: 0, changed: 0, unchanged: 1, superseded: 0 });
    expect(stale).toEqual({ new: 0, changed: 0, unchanged: 0, superseded: 1 });
    expect([doc._source?.title, doc._source?.last_run_id, doc._version]).toEqual([
      'New title',
      'new',
      Date.parse(newer.fetchedAt),
    ]);
  });

  it('counts a retried batch of the same run as it did the first time', async () => {
    const run = { runId: 'r1', fetchedAt: '2026-01-01T00:00:00.000Z' };
    await writeEventBatch(client, names, prepared([makeEvent(1)]), {
      runId: 'r0',
      fetchedAt: '2025-12-31T00:00:00.000Z',
    });
    const first = await writeEventBatch(
      client,
      names,
      prepared([makeEvent(1, { title: 'x' }), makeEvent(2)]),
      run,
    );
    const retried = await writeEventBatch(
      client,
      names,
      prepared([makeEvent(1, { title: 'x' }), makeEvent(2)]),
      run,
    );
    expect(first).toEqual({ new: 1, changed: 1, unchanged: 0, superseded: 0 });
    expect(retried).toEqual(first);
  });

  it('unlists events a feed stops listing, keeping them searchable with their last values', async () => {
    await writeEventBatch(client, names, prepared([makeEvent(1), makeEvent(2)]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    const unlisted = await unlistMissingEvents(client, names, 'test', new Set([makeEvent(1).id]), {
      runId: 'r2',
      fetchedAt: '2026-01-02T00:00:00.000Z',
    });
    const doc = await client.get<{ listed: boolean; title: string }>({
      index: names.events,
      id: makeEvent(2).id,
    });
    const found = await collect(new ElasticsearchEventSearch(client, names, transport).search({}));
    expect(unlisted).toBe(1);
    expect([doc._source?.listed, doc._source?.title]).toEqual([false, 'Event 2']);
    expect(found).toHaveLength(2);
  });

  it('returns every match past 10,000 hits, in order, without duplicates', async () => {
    const total = 10_450;
    for (let start = 0; start < total; start += 2000) {
      const batch = Array.from({ length: Math.min(2000, total - start) }, (_, i) => makeEvent(start + i));
      await writeEventBatch(client, names, prepared(batch), {
        runId: 'bulk',
        fetchedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    await client.indices.refresh({ index: names.events });
    const found = await collect(new ElasticsearchEventSearch(client, names, transport, 3000).search({}));
    const keys = found.map((e) => `${e.start_date}T${e.start_time} ${e.id}`);
    expect(found).toHaveLength(total);
    expect(new Set(found.map((e) => e.id)).size).toBe(total);
    expect(keys).toEqual([...keys].sort());
  });

  it('shows each zone of an event with its key and the seats it has left', async () => {
    const event = makeEvent(4, {
      zones: [
        { zoneId: '186', name: 'Amfiteatre', capacity: 0, price: 75, numbered: true },
        { zoneId: '186', name: 'Amfiteatre', capacity: 12, price: 65, numbered: false },
      ],
    });
    await writeEventBatch(client, names, prepared([event]), {
      runId: 'r1',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    await client.indices.refresh({ index: names.events });
    const zone = { providerId: 'test', eventId: event.id, zoneKey: '186:2' };
    await new BookingReadModel(client, names).publish({
      zone,
      seq: 1,
      capacityObservedAt: '2026-01-01T00:00:00.000Z',
      availability: { capacity: 12, held: 2, confirmed: 3, available: 7, shortfall: 0 },
      bookings: [],
      at: '2026-01-01T00:05:00.000Z',
    });

    const detail = await new ElasticsearchEventSearch(client, names, transport).getEvent(event.id);

    expect(detail?.zones.map((z) => [z.zone_id, z.zone_key, z.capacity, z.available])).toEqual([
      ['186', '186:1', 0, 0],
      ['186', '186:2', 12, 7],
    ]);
  });
});
