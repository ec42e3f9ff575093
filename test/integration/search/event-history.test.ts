import type { ProviderEvent } from '../../../src/domain/event';
import { ensureIndices } from '../../../src/search/ensure-indices';
import { writeEventAnalytics } from '../../../src/search/event-analytics';
import { describeChanges } from '../../../src/search/event-changes';
import type { EventDocument } from '../../../src/search/event-document';
import {
  eventHistoryMapping,
  historyDocumentId,
  type EventHistoryDocument,
} from '../../../src/search/event-history-document';
import { writeEventBatch, type WriteContext } from '../../../src/search/event-writer';
import { prepareEvent } from '../../../src/search/prepared-event';
import { unlistMissingEvents } from '../../../src/search/unlist-missing-events';
import { makeEvent } from '../../support/fixture-events';
import { freshIndicesPerTest } from '../../support/test-indices';

const RUN_1: WriteContext = { runId: 'r1', fetchedAt: '2026-01-01T00:00:00.000Z' };
const RUN_2: WriteContext = { runId: 'r2', fetchedAt: '2026-01-02T00:00:00.000Z' };
const RUN_3: WriteContext = { runId: 'r3', fetchedAt: '2026-01-03T00:00:00.000Z' };

describe('event history documents on a real Elasticsearch node', () => {
  const indices = freshIndicesPerTest();

  function write(events: ProviderEvent[], run: WriteContext) {
    return writeEventBatch(indices.client, indices.names, events.map(prepareEvent), run);
  }

  async function history(): Promise<EventHistoryDocument[]> {
    await indices.client.indices.refresh({ index: indices.names.eventHistory });
    const response = await indices.client.search<EventHistoryDocument>({
      index: indices.names.eventHistory,
      size: 100,
      sort: [{ fetched_at: 'asc' }, { change: 'asc' }, { event_id: 'asc' }],
    });
    return response.hits.hits.map((hit) => hit._source!);
  }

  it('records one history document per event for a new, a changed and an unlisted event', async () => {
    await write([makeEvent(1), makeEvent(2)], RUN_1);
    const cheaper = makeEvent(1, {
      zones: [{ zoneId: '1', name: 'Platea', capacity: 4, price: 15, numbered: true }],
      minPrice: 15,
      maxPrice: 15,
    });
    await write([cheaper], RUN_2);
    await unlistMissingEvents(indices.client, indices.names, 'test', new Set([cheaper.id]), RUN_2);

    const changes = (await history()).map((h) => [h.event_id, h.run_id, h.change, h.changed_fields]);

    const [firstId, secondId] = [makeEvent(1).id, makeEvent(2).id].sort();
    expect(changes).toEqual([
      [firstId, 'r1', 'new', []],
      [secondId, 'r1', 'new', []],
      [makeEvent(1).id, 'r2', 'changed', ['min_price', 'max_price', 'total_capacity', 'zone_count', 'zones']],
      [makeEvent(2).id, 'r2', 'unlisted', ['listed']],
    ]);
  });

  it('keeps the price and capacity of each run in its history document', async () => {
    await write([makeEvent(3)], RUN_1);
    await write([makeEvent(3, { title: 'Renamed', minPrice: 30, maxPrice: 40 })], RUN_2);

    const [first, second] = await history();

    expect(first).toEqual({
      event_id: makeEvent(3).id,
      provider_id: 'test',
      run_id: 'r1',
      fetched_at: RUN_1.fetchedAt,
      change: 'new',
      title: 'Event 3',
      starts_at: makeEvent(3).start.instant,
      min_price: 23,
      max_price: 23,
      total_capacity: 10,
      zone_count: 2,
      changed_fields: [],
      tracked: prepareEvent(makeEvent(3)).facts.tracked,
    });
    expect(second).toMatchObject({
      run_id: 'r2',
      title: 'Renamed',
      min_price: 30,
      max_price: 40,
      changed_fields: ['title', 'min_price', 'max_price'],
    });
  });

  it('records nothing for a run that finds every event as it was', async () => {
    await write([makeEvent(1), makeEvent(2)], RUN_1);
    const counts = await write([makeEvent(1), makeEvent(2)], RUN_2);
    const unlisted = await unlistMissingEvents(
      indices.client,
      indices.names,
      'test',
      new Set([makeEvent(1).id, makeEvent(2).id]),
      RUN_2,
    );

    expect([counts.unchanged, unlisted]).toEqual([2, 0]);
    expect((await history()).map((h) => h.run_id)).toEqual(['r1', 'r1']);
  });

  it('records nothing for an older run that arrives after a newer one, neither writes nor unlistings', async () => {
    await write([makeEvent(1), makeEvent(2)], RUN_3);
    const counts = await write([makeEvent(1, { title: 'Old' })], RUN_2);
    const unlisted = await unlistMissingEvents(
      indices.client,
      indices.names,
      'test',
      new Set([makeEvent(1).id]),
      RUN_2,
    );

    expect([counts.superseded, unlisted]).toEqual([1, 0]);
    expect((await history()).map((h) => h.run_id)).toEqual(['r3', 'r3']);
  });

  it('never duplicates a history document when a batch is retried, whatever the first attempt got done', async () => {
    await write([makeEvent(1)], RUN_1);
    const batch = [makeEvent(1, { title: 'Changed' }), makeEvent(2)].map(prepareEvent);
    // A first attempt that wrote the history documents, then stopped before the events.
    const changes = await describeChanges(
      indices.client,
      indices.names,
      batch.map((event, i) => ({
        event,
        before: i === 0 ? { listed: true, lastRunId: 'r1', tracked: undefined } : undefined,
      })),
    );
    await writeEventAnalytics(indices.client, indices.names, changes, RUN_2);

    const retried = await writeEventBatch(indices.client, indices.names, batch, RUN_2);
    const again = await writeEventBatch(indices.client, indices.names, batch, RUN_2);

    expect([retried, again]).toEqual([
      { new: 1, changed: 1, unchanged: 0, superseded: 0 },
      { new: 1, changed: 1, unchanged: 0, superseded: 0 },
    ]);
    expect((await history()).map((h) => [h.run_id, h.change])).toEqual([
      ['r1', 'new'],
      ['r2', 'changed'],
      ['r2', 'new'],
    ]);
  });

  it('creates again the history documents a first attempt lost after its events were written', async () => {
    await write([makeEvent(1)], RUN_1);
    const batch = [makeEvent(1, { title: 'Changed', soldOut: true }), makeEvent(2)].map(prepareEvent);
    await writeEventBatch(indices.client, indices.names, batch, RUN_2);
    // The events landed; their history documents did not (Elasticsearch refused them in the same request).
    for (const event of batch)
      await indices.client.delete({
        index: indices.names.eventHistory,
        id: historyDocumentId(event.id, 'r2'),
        refresh: true,
      });

    const retried = await writeEventBatch(indices.client, indices.names, batch, RUN_2);

    expect(retried).toEqual({ new: 1, changed: 1, unchanged: 0, superseded: 0 });
    expect((await history()).map((h) => [h.event_id, h.run_id, h.change, h.changed_fields])).toEqual([
      [makeEvent(1).id, 'r1', 'new', []],
      [makeEvent(1).id, 'r2', 'changed', ['title', 'sold_out']],
      [makeEvent(2).id, 'r2', 'new', []],
    ]);
  });

  it('keeps the history of an event that the feed lists twice in one batch', async () => {
    const counts = await write([makeEvent(1), makeEvent(2), makeEvent(1)], RUN_1);

    expect(counts).toEqual({ new: 3, changed: 0, unchanged: 0, superseded: 0 });
    expect((await history()).map((h) => [h.event_id, h.change])).toEqual(
      [makeEvent(1).id, makeEvent(2).id].sort().map((id) => [id, 'new']),
    );
  });

  it('says what changed from the history, or else the event itself, for events an earlier mapping wrote', async () => {
    await write([makeEvent(1), makeEvent(2), makeEvent(3)], RUN_1);
    // As earlier releases left them: events without tracked state; one history document without it
    // either, one never written, one with it.
    for (const id of [1, 2, 3].map((n) => makeEvent(n).id)) {
      const stored = await indices.client.get<EventDocument>({ index: indices.names.events, id });
      const { tracked: _t, changed_fields: _c, ...earlier } = stored._source!;
      await indices.client.index({
        index: indices.names.events,
        id,
        document: earlier,
        version: stored._version,
        version_type: 'external_gte',
      });
    }
    const first = historyDocumentId(makeEvent(1).id, 'r1');
    const { _source } = await indices.client.get<EventHistoryDocument>({
      index: indices.names.eventHistory,
      id: first,
    });
    const { tracked: _tracked, ...untracked } = _source!;
    await indices.client.index({ index: indices.names.eventHistory, id: first, document: untracked });
    await indices.client.delete({
      index: indices.names.eventHistory,
      id: historyDocumentId(makeEvent(2).id, 'r1'),
    });

    await write(
      [makeEvent(1, { title: 'Renamed' }), makeEvent(2, { soldOut: true }), makeEvent(3, { title: 'New' })],
      RUN_2,
    );

    const changed = (await history()).filter((h) => h.run_id === 'r2');
    expect(changed.map((h) => [h.event_id, h.changed_fields])).toEqual(
      [
        [makeEvent(1).id, ['title']],
        [makeEvent(2).id, ['sold_out']],
        [makeEvent(3).id, ['title']],
      ].sort(),
    );
  });

  it('writes into a history index an earlier release created, once ensureIndices has added the tracked state', async () => {
    const { tracked: _tracked, ...earlier } = eventHistoryMapping.properties!;
    await indices.client.indices.delete({ index: indices.names.eventHistory });
    await indices.client.indices.create({
      index: indices.names.eventHistory,
      mappings: { ...eventHistoryMapping, properties: earlier },
    });

    await ensureIndices(indices.client, indices.names);
    await write([makeEvent(1)], RUN_1);

    expect((await history()).map((h) => [h.run_id, h.tracked])).toEqual([
      ['r1', prepareEvent(makeEvent(1)).facts.tracked],
    ]);
  });
});
